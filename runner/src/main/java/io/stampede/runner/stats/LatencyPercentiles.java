package io.stampede.runner.stats;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Latencies in milliseconds at the reported percentiles, aligned with {@link #REPORTED}.
 * Taken from a merged histogram, so never an average of percentiles. Immutable.
 *
 * <p>Held as a {@code double[]}: the per-second history keeps two of these per row and second for up to 3 hours,
 * and a list of boxed doubles made it about 2.5 times as large (see docs/reports.md, "How long a run can be").
 */
public final class LatencyPercentiles {

    /** The percentiles every report shows, as Locust 2.x reports them (100 = the maximum). */
    public static final List<Double> REPORTED =
            List.of(50.0, 66.0, 75.0, 80.0, 90.0, 95.0, 98.0, 99.0, 99.9, 99.99, 100.0);

    /** All zeros: what a span without requests reports. */
    public static final LatencyPercentiles NONE = new LatencyPercentiles(new double[REPORTED.size()]);

    private final double[] ms;

    private LatencyPercentiles(double[] ms) {
        this.ms = ms;
    }

    /** @throws IllegalArgumentException unless there is one value per {@link #REPORTED} percentile */
    public LatencyPercentiles(List<Double> ms) {
        this(ms.stream().mapToDouble(Double::doubleValue).toArray());
        if (this.ms.length != REPORTED.size()) {
            throw new IllegalArgumentException("expected " + REPORTED.size() + " percentiles, got " + ms.size());
        }
    }

    public static LatencyPercentiles of(RowStats stats) {
        if (stats.isEmpty()) {
            return NONE;
        }
        double[] ms = new double[REPORTED.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = RowLatency.percentileMs(stats, REPORTED.get(i));
        }
        return new LatencyPercentiles(ms);
    }

    /** The values in the order of {@link #REPORTED}, read-only. */
    public List<Double> ms() {
        return new AbstractList<>() {
            @Override
            public Double get(int index) {
                return ms[index];
            }

            @Override
            public int size() {
                return ms.length;
            }
        };
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
        return ms[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatencyPercentiles that && Arrays.equals(ms, that.ms);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ms);
    }

    @Override
    public String toString() {
        return "LatencyPercentiles" + Arrays.toString(ms);
    }
}
