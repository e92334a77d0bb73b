package io.stampede.runner.cluster.master;

import io.stampede.runner.cluster.protocol.HistogramCounts;
import io.stampede.runner.cluster.protocol.ProtocolException;
import io.stampede.runner.cluster.protocol.SnapshotRow;
import io.stampede.runner.stats.RowStats;

import java.util.HashMap;
import java.util.Map;

/**
 * One row of one interval, summed over the workers' snapshots: counters added, histograms added (never
 * percentiles averaged). Threading: confined to the master's thread.
 */
final class RowAccumulator {

    private final HistogramCounts latencyMicros = new HistogramCounts();
    private long requests;
    private long failures;
    private long contentBytes;
    private long sumLatencyMicros;
    private long minLatencyMicros = Long.MAX_VALUE;
    private long maxLatencyMicros;
    private final Map<String, Long> failuresByCause = new HashMap<>(4);

    /** Adds a worker's row; on a ProtocolException nothing was added. */
    void add(SnapshotRow row) throws ProtocolException {
        latencyMicros.add(row.latencyMicros());
        requests += row.requests();
        failures += row.failures();
        contentBytes += row.contentBytes();
        sumLatencyMicros += row.sumLatencyMicros();
        if (row.requests() > 0) {
            minLatencyMicros = Math.min(minLatencyMicros, row.minLatencyMicros());
            maxLatencyMicros = Math.max(maxLatencyMicros, row.maxLatencyMicros());
        }
        row.failuresByCause().forEach((cause, n) -> failuresByCause.merge(cause, n, Long::sum));
    }

    RowStats toRowStats() {
        return RowStats.of(latencyMicros.toHistogram(), requests, failures, contentBytes, sumLatencyMicros, minLatencyMicros,
                maxLatencyMicros, failuresByCause);
    }
}
