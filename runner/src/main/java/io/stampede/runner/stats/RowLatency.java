package io.stampede.runner.stats;

/**
 * Reads a RowStats' microsecond latencies as milliseconds (value / 1000.0), the unit every report uses.
 */
final class RowLatency {

    private RowLatency() {
    }

    /**
     * The latency at a percentile (0..100) in ms, clamped to the exact min and max: a histogram bucket's
     * highest equivalent value can exceed the largest value recorded, and p100 must equal max.
     */
    static double percentileMs(RowStats stats, double percentile) {
        if (stats.isEmpty()) {
            return 0;
        }
        long micros = stats.percentileMicros(percentile);
        long clamped = Math.max(stats.minLatencyMicros(), Math.min(micros, stats.maxLatencyMicros()));
        return clamped / 1000.0;
    }

    static double avgMs(RowStats stats) {
        return stats.meanLatencyMicros() / 1000.0;
    }

    static double minMs(RowStats stats) {
        return stats.minLatencyMicros() / 1000.0;
    }

    static double maxMs(RowStats stats) {
        return stats.maxLatencyMicros() / 1000.0;
    }

    static double avgContentBytes(RowStats stats) {
        return stats.isEmpty() ? 0 : (double) stats.contentBytes() / stats.requests();
    }
}
