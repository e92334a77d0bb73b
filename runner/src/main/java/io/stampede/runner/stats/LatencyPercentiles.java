package io.stampede.runner.stats;

import java.util.List;

/**
 * Latencies in milliseconds at the reported percentiles, aligned with {@link #REPORTED}.
 * Taken from a merged histogram, so never an average of percentiles.
 */
public record LatencyPercentiles(List<Double> ms) {

    /** The percentiles every report shows, as Locust 2.x reports them (100 = the maximum). */
    public static final List<Double> REPORTED =
            List.of(50.0, 66.0, 75.0, 80.0, 90.0, 95.0, 98.0, 99.0, 99.9, 99.99, 100.0);

    /** All zeros: what a span without requests reports. */
    public static final LatencyPercentiles NONE = new LatencyPercentiles(REPORTED.stream().map(p -> 0.0).toList());

    public LatencyPercentiles {
        ms = List.copyOf(ms);
        if (ms.size() != REPORTED.size()) {
            throw new IllegalArgumentException("expected " + REPORTED.size() + " percentiles, got " + ms.size());
        }
    }

    public static LatencyPercentiles of(RowStats stats) {
        return new LatencyPercentiles(REPORTED.stream().map(p -> RowLatency.percentileMs(stats, p)).toList());
    }

    /**
     * The latency at one of the {@link #REPORTED} percentiles, in ms.
     *
     * @throws IllegalArgumentException if the percentile is not reported
     */
    public double at(double percentile) {
        int index = REPORTED.indexOf(percentile);
        if (index < 0) {
            throw new IllegalArgumentException("percentile " + percentile + " is not reported; one of " + REPORTED);
        }
        return ms.get(index);
    }
}
