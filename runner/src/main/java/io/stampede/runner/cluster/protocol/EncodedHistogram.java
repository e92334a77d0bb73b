package io.stampede.runner.cluster.protocol;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;

/**
 * A latency histogram (microseconds) in HdrHistogram's compressed encoding, as it travels in a snapshot: a slice
 * of a byte array that nobody changes. The master adds it into its merge with {@link HistogramCounts}, which
 * reads the counts straight into an array instead of building a ~190 KB histogram per row, worker and second.
 *
 * <p>Thread safe (immutable).
 */
public final class EncodedHistogram {

    /** Room to encode a histogram in: ~200 KB for the full range, kept per encoding thread. */
    private static final ThreadLocal<ByteBuffer> SCRATCH = ThreadLocal.withInitial(() -> ByteBuffer.allocate(0));

    private final byte[] bytes;
    private final int offset;
    private final int length;

    /** @param bytes not changed by anyone afterwards; [offset, offset + length) is the encoding */
    EncodedHistogram(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException("slice [" + offset + ", +" + length + ") of " + bytes.length + " bytes");
        }
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /** Encodes a histogram (compressed); the histogram is only read. */
    public static EncodedHistogram of(Histogram histogram) {
        ByteBuffer buffer = SCRATCH.get();
        int needed = histogram.getNeededByteBufferCapacity();
        if (buffer.capacity() < needed) {
            buffer = ByteBuffer.allocate(needed);
            SCRATCH.set(buffer);
        }
        buffer.clear();
        int encodedLength = histogram.encodeIntoCompressedByteBuffer(buffer);
        return new EncodedHistogram(Arrays.copyOf(buffer.array(), encodedLength), 0, encodedLength);
    }

    /**
     * Adds the counts into an array laid out as {@code layout} says, without decoding a histogram.
     *
     * @return the highest index that got a count (-1 for none), or {@link Integer#MIN_VALUE} (nothing added) when
     * the encoding has another layout or form; {@link #decode} reads those
     */
    int addCountsTo(HistogramLayout layout, long[] counts) throws ProtocolException {
        return CompressedHistogramReader.addTo(bytes, offset, length, layout, counts);
    }

    /** The histogram itself, decoded in full by HdrHistogram. */
    public Histogram decode() throws ProtocolException {
        try {
            // HdrHistogram reads through the backing array from the position, ignoring a slice's array offset.
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, offset + length);
            buffer.position(offset);
            return Histogram.decodeFromCompressedByteBuffer(buffer, 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new ProtocolException("a histogram that does not decode", e);
        }
    }

    public int length() {
        return length;
    }

    void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        out.write(bytes, offset, length);
    }
}
