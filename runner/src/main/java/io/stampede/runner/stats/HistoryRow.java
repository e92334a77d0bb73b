package io.stampede.runner.stats;

/**
 * One row (or the aggregate) at the end of one completed second: what a line of {@code _stats_history.csv}
 * holds, plus the second's own counts. Latencies in milliseconds.
 *
 * @param row                  the row, or null for the aggregate
 * @param intervalRequests     requests of this second alone
 * @param intervalFailures     failures of this second alone
 * @param intervalPercentiles  latency percentiles of this second alone (zeros if it had no requests): what the
 *                             story of a run reads, since a window's percentiles smear a jump or a spike over
 *                             {@value StatsAggregator#WINDOW_SECONDS} seconds
 * @param rps                  requests per second over the window: the last up to
 *                             {@value StatsAggregator#WINDOW_SECONDS} seconds ending with this one
 * @param failuresPerSecond    failures per second over the same window
 * @param windowPercentiles    latency percentiles over the same window (zeros if it had no requests)
 * @param totalRequests        cumulative since the start, counting completed seconds only
 * @param totalFailures        cumulative, likewise
 * @param totalMedianMs        cumulative median
 * @param totalAvgMs           cumulative mean
 * @param totalMinMs           cumulative minimum (0 without requests)
 * @param totalMaxMs           cumulative maximum (0 without requests)
 * @param totalAvgContentBytes cumulative mean response size
 */
public record HistoryRow(RowKey row, long intervalRequests, long intervalFailures,
                         LatencyPercentiles intervalPercentiles, double rps,
                         double failuresPerSecond, LatencyPercentiles windowPercentiles, long totalRequests,
                         long totalFailures, double totalMedianMs, double totalAvgMs, double totalMinMs,
                         double totalMaxMs, double totalAvgContentBytes) {

    /** Read only, never written: stands for a row absent from a span. */
    private static final RowStats EMPTY = new RowStats();

    static HistoryRow of(RowKey row, RowStats interval, RowStats window, int windowSeconds, RowStats total) {
        RowStats second = interval == null ? EMPTY : interval;
        RowStats span = window == null ? EMPTY : window;
        return new HistoryRow(row, second.requests(), second.failures(), LatencyPercentiles.of(second),
                RowSummary.perSecond(span.requests(), windowSeconds),
                RowSummary.perSecond(span.failures(), windowSeconds), LatencyPercentiles.of(span),
                total.requests(), total.failures(), RowLatency.percentileMs(total, 50), RowLatency.avgMs(total),
                RowLatency.minMs(total), RowLatency.maxMs(total), RowLatency.avgContentBytes(total));
    }

    /** The row label, or {@value RowSummary#AGGREGATED}. */
    public String name() {
        return row == null ? RowSummary.AGGREGATED : row.label();
    }

    /** The HTTP method; empty for the aggregate. */
    public String method() {
        return row == null ? "" : row.method();
    }

    /** The row's name without its method, or {@value RowSummary#AGGREGATED}. */
    public String rowName() {
        return row == null ? RowSummary.AGGREGATED : row.name();
    }
}
