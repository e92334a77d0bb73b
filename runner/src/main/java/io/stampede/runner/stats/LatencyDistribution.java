package io.stampede.runner.stats;

import java.util.Arrays;

/**
 * One row's latencies in the shape Prometheus exports them, taken by
 * {@link StatsAggregator#latencyDistributions(double[])}: over the run so far (count, sum, percentiles and
 * cumulative bucket counts, all from the merged histogram) and over the rate window (percentiles only), so that
 * a slowdown in the middle of a long run shows although the run's percentiles barely move.
 *
 * <p>Units: seconds. Percentiles are those of {@link #QUANTILES}, in that order.
 *
 * @param name               the row label, or {@value RowSummary#AGGREGATED} for the merge of all rows
 * @param count              requests of the row so far
 * @param sumSeconds         the exact sum of their latencies
 * @param runQuantiles       latency at each of {@link #QUANTILES} over the run so far; NaN before any request
 * @param recentQuantiles    the same over the last up to {@value StatsAggregator#WINDOW_SECONDS} completed
 *                           intervals; NaN when the row had no request in them (Prometheus's "no observation")
 * @param bucketBoundsSeconds the upper bounds asked for, ascending
 * @param bucketCounts       requests whose latency is at most the bound of the same index (cumulative, as
 *                           Prometheus's {@code le} buckets); within the histogram's 3 significant digits
 */
public record LatencyDistribution(String name, long count, double sumSeconds, double[] runQuantiles,
                                  double[] recentQuantiles, double[] bucketBoundsSeconds, long[] bucketCounts) {

    /** The quantiles exported (0..1): p50, p95, p99, the ones every report shows. */
    public static final double[] QUANTILES = {0.5, 0.95, 0.99};

    static LatencyDistribution of(String name, RowStats run, RowStats recent, double[] bucketBoundsSeconds) {
        double[] runQuantiles = new double[QUANTILES.length];
        double[] recentQuantiles = new double[QUANTILES.length];
        for (int i = 0; i < QUANTILES.length; i++) {
            runQuantiles[i] = run.isEmpty() ? Double.NaN : RowLatency.percentileMs(run, QUANTILES[i] * 100) / 1000.0;
            recentQuantiles[i] = recent == null || recent.isEmpty() ? Double.NaN
                    : RowLatency.percentileMs(recent, QUANTILES[i] * 100) / 1000.0;
        }
        long[] counts = new long[bucketBoundsSeconds.length];
        for (int i = 0; i < bucketBoundsSeconds.length; i++) {
            counts[i] = countAtMost(run, Math.round(bucketBoundsSeconds[i] * 1_000_000));
        }
        return new LatencyDistribution(name, run.requests(), run.sumLatencyMicros() / 1_000_000.0, runQuantiles,
                recentQuantiles, bucketBoundsSeconds.clone(), counts);
    }

    /** Requests at most {@code boundMicros}; exact below the minimum and from the maximum up. */
    private static long countAtMost(RowStats stats, long boundMicros) {
        if (stats.isEmpty() || boundMicros < stats.minLatencyMicros()) return 0;
        if (boundMicros >= stats.maxLatencyMicros()) return stats.requests();
        return Math.min(stats.requests(), stats.latencyMicros().getCountBetweenValues(0, boundMicros));
    }

    @Override
    public String toString() {
        return name + " count=" + count + " sum=" + sumSeconds + "s run=" + Arrays.toString(runQuantiles)
                + " recent=" + Arrays.toString(recentQuantiles) + " buckets=" + Arrays.toString(bucketCounts);
    }
}
