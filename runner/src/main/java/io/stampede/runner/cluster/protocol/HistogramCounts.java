package io.stampede.runner.cluster.protocol;

import io.stampede.runner.stats.RowStats;
import org.HdrHistogram.Histogram;

/**
 * A sum of latency histograms as plain counts by bucket index, in the layout of every Stampede histogram
 * ({@link RowStats#newHistogram()}): the master adds workers' encoded rows into one of these per row and interval
 * (a few array additions per bucket), and turns it into a histogram once, when the interval is complete.
 * Encodings of another layout are decoded by HdrHistogram and added aside, so nothing is lost.
 *
 * <p>Threading: not thread safe; owned by the master's thread. Memory: ~190 KB.
 */
public final class HistogramCounts {

    static final HistogramLayout LAYOUT = new HistogramLayout(RowStats.SIGNIFICANT_DIGITS, 1,
            RowStats.MAX_TRACKABLE_MICROS);
    private static final int LENGTH = LAYOUT.indexCount();

    private final long[] counts = new long[LENGTH];
    private int highestIndex = -1;
    private Histogram otherLayouts;

    /** Adds one encoded histogram; on a ProtocolException its counts may be partly added. */
    public void add(EncodedHistogram encoded) throws ProtocolException {
        int highest = encoded.addCountsTo(LAYOUT, counts);
        if (highest == Integer.MIN_VALUE) {
            if (otherLayouts == null) otherLayouts = RowStats.newHistogram();
            otherLayouts.add(encoded.decode());
        } else {
            highestIndex = Math.max(highestIndex, highest);
        }
    }

    /** The sum as a new histogram (microseconds, RowStats's range and precision). */
    public Histogram toHistogram() {
        Histogram histogram = RowStats.newHistogram();
        for (int index = 0; index <= highestIndex; index++) {
            if (counts[index] > 0) histogram.recordValueWithCount(LAYOUT.valueAt(index), counts[index]);
        }
        if (otherLayouts != null) histogram.add(otherLayouts);
        return histogram;
    }
}
