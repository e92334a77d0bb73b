package io.stampede.runner.stats;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;

/**
 * Counters and the latency histogram of one stats row over some span of time (an interval, or the whole run): the
 * one type a row's measurements live in, from the event loop that records them, through a worker's snapshot and
 * the master's merge, to the summary. Rows are merged with {@link #add}: histograms added, never percentiles
 * averaged.
 *
 * <p>Threading: not thread safe. A RowStats is written by one thread at a time: the event loop that records
 * into it, or the thread that merges others into it. Reading the latencies folds the pending ones in (a write):
 * a row handed to another thread is {@link #flush}ed by its writer first. A row handed over in a snapshot belongs
 * to the receiver from then on; the sender keeps no reference.
 *
 * <p>Units: latencies in microseconds; the histogram keeps 3 significant digits from 1 µs on and grows to the
 * largest latency it holds, at most 1 hour (longer values are clamped to one hour and still counted).
 *
 * <p>Bytes: {@link #encodeInto} and {@link #decodeFrom} give a row's form on the wire (counters, causes, and the
 * histogram in HdrHistogram's own compressed encoding). Only a link to another process calls them.
 */
public final class RowStats {

    /** Highest latency the histograms track: one hour, in microseconds. */
    public static final long MAX_TRACKABLE_MICROS = 3_600_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;

    /** Latencies recorded but not yet folded into the histogram, min, max and sum (see {@link #flush}). */
    private static final int PENDING_CAPACITY = 128;
    /** Bytes of a row's counters on the wire, without its causes and histogram. */
    private static final int FIXED_ENCODED_BYTES = 6 * Long.BYTES + 2 * Integer.BYTES;
    private static final int MAX_CAUSES = 10_000;

    private final Histogram latencyMicros;
    private final long[] pendingLatencies = new long[PENDING_CAPACITY];
    private int pendingCount;
    private long requests;
    private long failures;
    private long contentBytes;
    private long sumLatencyMicros;
    private long minLatencyMicros = Long.MAX_VALUE;
    private long maxLatencyMicros;
    private final Map<String, Long> failuresByCause = new HashMap<>(4);

    public RowStats() {
        this(new Histogram(SIGNIFICANT_DIGITS)); // auto-resizing, lowest discernible value 1
    }

    private RowStats(Histogram latencyMicros) {
        latencyMicros.setAutoResize(true);
        this.latencyMicros = latencyMicros;
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
     * Folds the latencies recorded since the last call into the histogram and the exact sum, min and max. The
     * recording path only stores a latency and adds two counters; the histogram's work happens here, in batches
     * (why: docs/decisions.md, "Recording latencies in batches").
     *
     * <p>Every accessor of the latencies calls this first. The writing thread calls it before handing the row to
     * another thread ({@link StatsRecorder#drain}), so readers there find nothing to fold. With nothing pending it
     * writes nothing, so a row read by several threads stays read-only.
     */
    public void flush() {
        if (pendingCount == 0) return;
        for (int i = 0; i < pendingCount; i++) {
            long value = pendingLatencies[i];
            latencyMicros.recordValue(value);
            sumLatencyMicros += value;
            minLatencyMicros = Math.min(minLatencyMicros, value);
            maxLatencyMicros = Math.max(maxLatencyMicros, value);
        }
        pendingCount = 0;
    }

    /** Adds other's counts and histogram into this one (other is only read). */
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

    /** The most bytes {@link #encodeInto} writes for this row. */
    public int maxEncodedBytes() {
        flush();
        int causes = 0;
        for (String cause : failuresByCause.keySet()) causes += 2 + utf8Length(cause) + Long.BYTES;
        // Deflate may add a few bytes to what it cannot shrink.
        return FIXED_ENCODED_BYTES + causes + latencyMicros.getNeededByteBufferCapacity() + 64;
    }

    /**
     * Writes this row at the buffer's position (big-endian): requests, failures, contentBytes, sumLatencyMicros,
     * minLatencyMicros, maxLatencyMicros (i64 each), the causes (i32 count; each a u16-length UTF-8 text and an i64),
     * then the histogram's length (i32) and HdrHistogram's compressed encoding of it. The row is only read.
     *
     * @param buffer a heap buffer with at least {@link #maxEncodedBytes} remaining
     */
    public void encodeInto(ByteBuffer buffer) {
        flush();
        buffer.putLong(requests).putLong(failures).putLong(contentBytes).putLong(sumLatencyMicros)
                .putLong(minLatencyMicros()).putLong(maxLatencyMicros);
        buffer.putInt(failuresByCause.size());
        failuresByCause.forEach((cause, occurrences) -> {
            byte[] utf8 = cause.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > 0xFFFF) throw new IllegalArgumentException("a failure cause is over 64 KB");
            buffer.putShort((short) utf8.length).put(utf8).putLong(occurrences);
        });
        int lengthAt = buffer.position();
        buffer.putInt(0);
        int length = latencyMicros.encodeIntoCompressedByteBuffer(buffer);
        buffer.putInt(lengthAt, length);
    }

    /**
     * Reads a row written by {@link #encodeInto} from the buffer's position (a heap buffer), leaving the position
     * after it.
     *
     * @throws DataFormatException when the bytes are not such a row: cut short, counts that contradict each other
     *                             (more failures than requests, a histogram that does not hold every request), or a
     *                             histogram of another precision
     */
    public static RowStats decodeFrom(ByteBuffer buffer) throws DataFormatException {
        try {
            long requests = buffer.getLong();
            long failures = buffer.getLong();
            long contentBytes = buffer.getLong();
            long sumLatencyMicros = buffer.getLong();
            long minLatencyMicros = buffer.getLong();
            long maxLatencyMicros = buffer.getLong();
            int causeCount = buffer.getInt();
            if (causeCount < 0 || causeCount > MAX_CAUSES) throw new DataFormatException(causeCount + " causes");
            Map<String, Long> causes = new HashMap<>(causeCount * 2);
            for (int i = 0; i < causeCount; i++) {
                int length = Short.toUnsignedInt(buffer.getShort());
                if (length > buffer.remaining()) throw new DataFormatException("a cause cut short");
                String cause = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length,
                        StandardCharsets.UTF_8);
                buffer.position(buffer.position() + length);
                causes.put(cause, buffer.getLong());
            }
            int histogramLength = buffer.getInt();
            if (histogramLength < 8 || histogramLength > buffer.remaining()) {
                throw new DataFormatException("a histogram of " + histogramLength + " bytes in " + buffer.remaining());
            }
            int histogramEnd = buffer.position() + histogramLength;
            if (buffer.getInt(buffer.position() + 4) > histogramLength - 8) {
                throw new DataFormatException("a histogram longer than its row says");
            }
            // HdrHistogram reads through the backing array from the position, ignoring an array offset.
            if (buffer.arrayOffset() != 0) throw new DataFormatException("a buffer with an array offset");
            Histogram histogram = Histogram.decodeFromCompressedByteBuffer(buffer, 0);
            buffer.position(histogramEnd);
            if (requests < 0 || failures < 0 || failures > requests || histogram.getTotalCount() != requests) {
                throw new DataFormatException("a row of " + requests + " requests, " + failures + " failures and "
                        + histogram.getTotalCount() + " latencies");
            }
            if (histogram.getNumberOfSignificantValueDigits() != SIGNIFICANT_DIGITS
                    || histogram.getLowestDiscernibleValue() != 1) {
                throw new DataFormatException("a histogram of another precision");
            }
            RowStats stats = new RowStats(histogram);
            stats.requests = requests;
            stats.failures = failures;
            stats.contentBytes = contentBytes;
            stats.sumLatencyMicros = sumLatencyMicros;
            stats.minLatencyMicros = requests == 0 ? Long.MAX_VALUE : minLatencyMicros;
            stats.maxLatencyMicros = maxLatencyMicros;
            stats.failuresByCause.putAll(causes);
            return stats;
        } catch (RuntimeException e) { // cut short (BufferUnderflow), or HdrHistogram's own checks
            DataFormatException error = new DataFormatException("a row cut short or malformed: " + e);
            error.initCause(e);
            throw error;
        }
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
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
        return Collections.unmodifiableMap(failuresByCause);
    }

    public boolean isEmpty() {
        return requests == 0;
    }
}
