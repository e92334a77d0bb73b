package io.stampede.runner.stats;

/**
 * The final figures of one stats row, or of the aggregate, over a whole run. Latencies in milliseconds.
 *
 * @param row               the row, or null for the aggregate
 * @param rps               requests / run duration in seconds
 * @param failuresPerSecond failures / run duration in seconds
 * @param avgMs             mean from the exact sum of latencies
 * @param minMs             exact minimum; 0 without requests
 * @param maxMs             exact maximum; 0 without requests
 * @param medianMs          the 50th percentile, the same as {@code percentiles.at(50)}
 * @param percentiles       from the merged histogram, clamped to [min, max]
 * @param avgContentBytes   mean response body size in bytes
 */
public record RowSummary(RowKey row, long requests, long failures, double rps, double failuresPerSecond,
                         double avgMs, double minMs, double maxMs, double medianMs,
                         LatencyPercentiles percentiles, double avgContentBytes) {

    /** The aggregate's name, as Locust names it. */
    public static final String AGGREGATED = "Aggregated";

    static RowSummary of(RowKey row, RowStats stats, double durationSeconds) {
        LatencyPercentiles percentiles = LatencyPercentiles.of(stats);
        return new RowSummary(row, stats.requests(), stats.failures(),
                perSecond(stats.requests(), durationSeconds), perSecond(stats.failures(), durationSeconds),
                RowLatency.avgMs(stats), RowLatency.minMs(stats), RowLatency.maxMs(stats), percentiles.at(50),
                percentiles, RowLatency.avgContentBytes(stats));
    }

    static double perSecond(long count, double seconds) {
        return seconds > 0 ? count / seconds : 0;
    }

    /** The row label ({@code GET /api/x}), or {@value #AGGREGATED} for the aggregate. */
    public String name() {
        return row == null ? AGGREGATED : row.label();
    }

    /** The HTTP method; empty for the aggregate. */
    public String method() {
        return row == null ? "" : row.method();
    }

    /** The row's name without its method ({@code /api/x}), or {@value #AGGREGATED}. */
    public String rowName() {
        return row == null ? AGGREGATED : row.name();
    }

    public boolean isAggregate() {
        return row == null;
    }

    /** Failures / requests as a fraction 0..1; 0 without requests. */
    public double failureRate() {
        return requests == 0 ? 0 : (double) failures / requests;
    }
}
