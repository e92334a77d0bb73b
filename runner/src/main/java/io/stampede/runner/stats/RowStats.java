package io.stampede.runner.stats;

import org.HdrHistogram.Histogram;

import java.util.HashMap;
import java.util.Map;

/**
 * Counters and the latency histogram of one stats row over some span of time (an interval, or the whole run).
 *
 * <p>Threading: not thread safe. A RowStats is written by one thread at a time: the event loop that records
 * into it, or the aggregator that merges finished intervals into it. Reading the latencies folds the pending
 * ones in (a write): a row handed to another thread is {@link #flush}ed by its writer first.
 *
 * <p>Units: latencies in microseconds; the histogram keeps 3 significant digits and tracks values from
 * 1 µs up to 1 hour (longer values are clamped to the highest trackable value and still counted).
 */
public final class RowStats {

    /** Highest latency the histograms track: one hour, in microseconds. */
    public static final long MAX_TRACKABLE_MICROS = 3_600_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;

    /** Latencies recorded but not yet folded into the histogram, min, max and sum (see {@link #flush}). */
    private static final int PENDING_CAPACITY = 128;

    private final Histogram latencyMicros = newHistogram();
    private final long[] pendingLatencies = new long[PENDING_CAPACITY];
    private int pendingCount;
    private long requests;
    private long failures;
    private long contentBytes;
    private long sumLatencyMicros;
    private long minLatencyMicros = Long.MAX_VALUE;
    private long maxLatencyMicros;
    private final Map<String, Long> failuresByCause = new HashMap<>(4);

    public static Histogram newHistogram() {
        return new Histogram(1, MAX_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }

    /** Counts one request that got an answer judged a success (or a renewal trigger, see the contract). */
    public void recordSuccess(long latencyMicros, long contentBytes) {
        record(latencyMicros, contentBytes);
    }

    /**
     * Counts one failed request.
     *
     * @param cause short, stable text naming the failure kind, e.g. {@code HTTP 503}, {@code timeout after 10s},
     *              {@code connection refused}, or a check's message. Never contains secrets or bodies.
     */
    public void recordFailure(long latencyMicros, long contentBytes, String cause) {
        record(latencyMicros, contentBytes);
        failures++;
        failuresByCause.merge(cause, 1L, Long::sum);
    }

    private void record(long latencyMicros, long bytes) {
        pendingLatencies[pendingCount++] = Math.max(1, Math.min(latencyMicros, MAX_TRACKABLE_MICROS));
        requests++;
        contentBytes += bytes;
        if (pendingCount == PENDING_CAPACITY) flush();
    }

    /**
     * Folds the latencies recorded since the last call into the histogram and the exact sum, min and max.
     *
     * <p>Why in batches: the per-request path (inlined by the JIT into the response parser's loop) then holds a
     * store and two additions, not the histogram's index arithmetic and its rarely taken "new maximum" branches;
     * such a branch, compiled as never taken, sends the whole compiled request path back to the interpreter when
     * it is taken (0.1-0.15 s of recompiling each time, measured in docs/benchmarks.md).
     *
     * <p>Every accessor of the latencies calls this first. The writing thread calls it before handing the row to
     * another thread ({@link StatsRecorder#drain}), so readers there find nothing to fold.
     */
    public void flush() {
        if (pendingCount == 0) return; // nothing written: a row read by several threads stays read-only
        for (int i = 0; i < pendingCount; i++) {
            long value = pendingLatencies[i];
            latencyMicros.recordValue(value);
            sumLatencyMicros += value;
            minLatencyMicros = Math.min(minLatencyMicros, value);
            maxLatencyMicros = Math.max(maxLatencyMicros, value);
        }
        pendingCount = 0;
    }

    /** Adds other's counts and histogram into this one. Histograms are added, never percentiles averaged. */
    public void add(RowStats other) {
        flush();
        other.flush();
        latencyMicros.add(other.latencyMicros);
        requests += other.requests;
        failures += other.failures;
        contentBytes += other.contentBytes;
        sumLatencyMicros += other.sumLatencyMicros;
        minLatencyMicros = Math.min(minLatencyMicros, other.minLatencyMicros);
        maxLatencyMicros = Math.max(maxLatencyMicros, other.maxLatencyMicros);
        other.failuresByCause.forEach((cause, n) -> failuresByCause.merge(cause, n, Long::sum));
    }

    /** Forgets everything recorded, keeping the histogram's memory (recorders reuse their rows). */
    public void reset() {
        pendingCount = 0;
        latencyMicros.reset();
        requests = 0;
        failures = 0;
        contentBytes = 0;
        sumLatencyMicros = 0;
        minLatencyMicros = Long.MAX_VALUE;
        maxLatencyMicros = 0;
        failuresByCause.clear();
    }

    public RowStats copy() {
        RowStats copy = new RowStats();
        copy.add(this);
        return copy;
    }

    /** Rebuilds a RowStats from its parts, e.g. when decoding a snapshot shipped by a worker. */
    public static RowStats of(Histogram latencyMicros, long requests, long failures, long contentBytes,
                              long sumLatencyMicros, long minLatencyMicros, long maxLatencyMicros,
                              Map<String, Long> failuresByCause) {
        RowStats stats = new RowStats();
        stats.latencyMicros.add(latencyMicros);
        stats.requests = requests;
        stats.failures = failures;
        stats.contentBytes = contentBytes;
        stats.sumLatencyMicros = sumLatencyMicros;
        stats.minLatencyMicros = minLatencyMicros;
        stats.maxLatencyMicros = maxLatencyMicros;
        stats.failuresByCause.putAll(failuresByCause);
        return stats;
    }

    /** The histogram itself (microseconds). Callers must not record into it. */
    public Histogram latencyMicros() {
        flush();
        return latencyMicros;
    }

    public long requests() {
        return requests;
    }

    public long failures() {
        return failures;
    }

    public long contentBytes() {
        return contentBytes;
    }

    public long sumLatencyMicros() {
        flush();
        return sumLatencyMicros;
    }

    /** Exact minimum in microseconds; 0 when nothing was recorded. */
    public long minLatencyMicros() {
        flush();
        return requests == 0 ? 0 : minLatencyMicros;
    }

    /** Exact maximum in microseconds; 0 when nothing was recorded. */
    public long maxLatencyMicros() {
        flush();
        return maxLatencyMicros;
    }

    /** Mean latency in microseconds from the exact sum; 0 when nothing was recorded. */
    public double meanLatencyMicros() {
        flush();
        return requests == 0 ? 0 : (double) sumLatencyMicros / requests;
    }

    /** Latency at the given percentile (0..100) in microseconds, from the histogram; 0 when empty. */
    public long percentileMicros(double percentile) {
        flush();
        return requests == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile);
    }

    /** Failures by cause; unmodifiable view. */
    public Map<String, Long> failuresByCause() {
        return java.util.Collections.unmodifiableMap(failuresByCause);
    }

    public boolean isEmpty() {
        return requests == 0;
    }
}
