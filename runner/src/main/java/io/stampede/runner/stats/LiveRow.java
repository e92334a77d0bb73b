package io.stampede.runner.stats;

/**
 * One row of the live console view. Counts and latencies are cumulative since the start; the rates are over
 * the last up to {@value StatsAggregator#WINDOW_SECONDS} complete intervals. Latencies in milliseconds.
 *
 * @param row the row, or null for the aggregate
 */
public record LiveRow(RowKey row, long requests, long failures, double currentRps,
                      double currentFailuresPerSecond, double p50Ms, double p95Ms, double p99Ms,
                      double avgMs, double minMs, double maxMs) {

    static LiveRow of(RowKey row, RowStats cumulative, RowStats window, int windowSeconds) {
        long windowRequests = window == null ? 0 : window.requests();
        long windowFailures = window == null ? 0 : window.failures();
        return new LiveRow(row, cumulative.requests(), cumulative.failures(),
                RowSummary.perSecond(windowRequests, windowSeconds),
                RowSummary.perSecond(windowFailures, windowSeconds),
                RowLatency.percentileMs(cumulative, 50), RowLatency.percentileMs(cumulative, 95),
                RowLatency.percentileMs(cumulative, 99), RowLatency.avgMs(cumulative),
                RowLatency.minMs(cumulative), RowLatency.maxMs(cumulative));
    }

    /** The row label, or {@value RowSummary#AGGREGATED}. */
    public String name() {
        return row == null ? RowSummary.AGGREGATED : row.label();
    }

    /** Failures / requests as a fraction 0..1; 0 without requests. */
    public double failureRate() {
        return requests == 0 ? 0 : (double) failures / requests;
    }
}
