package io.stampede.runner.cluster.protocol;

import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;

import java.util.Map;

/**
 * One stats row of a {@link WorkerMessage.Snapshot}: the counters of {@link RowStats} and its latency histogram in
 * HdrHistogram's compressed encoding.
 *
 * @param minLatencyMicros exact minimum; only meaningful with requests
 * @param failuresByCause  unmodifiable
 */
public record SnapshotRow(RowKey row, long requests, long failures, long contentBytes, long sumLatencyMicros,
                          long minLatencyMicros, long maxLatencyMicros, Map<String, Long> failuresByCause,
                          EncodedHistogram latencyMicros) {

    public SnapshotRow {
        failuresByCause = Map.copyOf(failuresByCause);
    }

    /** Encodes a row; the stats are only read (on the caller's thread, which must own them). */
    public static SnapshotRow of(RowKey row, RowStats stats) {
        return new SnapshotRow(row, stats.requests(), stats.failures(), stats.contentBytes(), stats.sumLatencyMicros(),
                stats.minLatencyMicros(), stats.maxLatencyMicros(), stats.failuresByCause(),
                EncodedHistogram.of(stats.latencyMicros()));
    }

    /** The row as {@link RowStats}, its histogram decoded in full. */
    public RowStats toRowStats() throws ProtocolException {
        return RowStats.of(latencyMicros.decode(), requests, failures, contentBytes, sumLatencyMicros,
                requests == 0 ? Long.MAX_VALUE : minLatencyMicros, maxLatencyMicros, failuresByCause);
    }
}
