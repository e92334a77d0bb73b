package io.stampede.runner.cluster.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a histogram in HdrHistogram's compressed (V2) encoding straight into an array of counts by bucket index,
 * without building the decoded histogram: the master's merge of hundreds of workers' rows every second would
 * otherwise allocate a ~190 KB counts array per row per worker, and record each bucket through HdrHistogram's
 * thread-safe min/max bookkeeping.
 *
 * <p>The encoding, as HdrHistogram 2.x writes it (big-endian): compressed cookie i32, compressed length i32, then
 * DEFLATE of: cookie i32, payload length i32, normalizing index offset i32, significant digits i32, lowest
 * discernible value i64, highest trackable value i64, integer-to-double ratio f64, and the payload: one
 * ZigZag LEB128 number per counts-array index, a negative number -n standing for n empty buckets.
 *
 * <p>Only that exact form, with no index offset and the expected precision and lowest value, is read here;
 * {@link #addTo} returns false for anything else, and the caller decodes it with HdrHistogram itself.
 * Tests check it against HdrHistogram's own decoder.
 *
 * <p>Threading: thread safe; each thread reuses its own decompressor and buffer.
 */
final class CompressedHistogramReader {

    /** Cookie bases of the V2 encodings; the low nibble of the second byte carries a word-size marker. */
    private static final int V2_COOKIE_BASE = 0x1c849303;
    private static final int V2_COMPRESSED_COOKIE_BASE = 0x1c849304;
    private static final int COOKIE_MARKER_BITS = 0xf0;
    private static final int HEADER_BYTES = 40;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final Inflater inflater = new Inflater();
        byte[] buffer = new byte[4096];
    }

    private CompressedHistogramReader() {
    }

    /**
     * Adds the encoded counts into {@code counts}, indexed as {@code layout} lays buckets out.
     *
     * @return the highest index that received a count (-1 for none); or {@link Integer#MIN_VALUE}, counts
     * untouched, when the bytes are not in the exact form described above, or of another layout or a wider range
     * @throws ProtocolException when the bytes claim to be that form but are corrupt
     */
    static int addTo(byte[] bytes, int offset, int length, HistogramLayout layout, long[] counts)
            throws ProtocolException {
        if (length < 8) return Integer.MIN_VALUE;
        ByteBuffer outer = ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.BIG_ENDIAN);
        if ((outer.getInt() & ~COOKIE_MARKER_BITS) != V2_COMPRESSED_COOKIE_BASE) return Integer.MIN_VALUE;
        int compressedLength = outer.getInt();
        if (compressedLength < 0 || compressedLength > outer.remaining()) {
            throw new ProtocolException("a histogram of " + compressedLength + " compressed bytes in " + length);
        }
        Scratch scratch = SCRATCH.get();
        Inflater inflater = scratch.inflater;
        inflater.reset();
        inflater.setInput(bytes, offset + 8, compressedLength);
        try {
            if (inflate(inflater, scratch.buffer, HEADER_BYTES) < HEADER_BYTES) return Integer.MIN_VALUE;
            ByteBuffer header = ByteBuffer.wrap(scratch.buffer, 0, HEADER_BYTES);
            int cookie = header.getInt();
            int payloadLength = header.getInt();
            int normalizingIndexOffset = header.getInt();
            int digits = header.getInt();
            long lowest = header.getLong();
            long highest = header.getLong();
            if ((cookie & ~COOKIE_MARKER_BITS) != V2_COOKIE_BASE || normalizingIndexOffset != 0
                    || !layout.matches(digits, lowest) || highest > layout.highestTrackableValue()) {
                return Integer.MIN_VALUE;
            }
            // At most 9 bytes per bucket: a longer payload is not a histogram of this range.
            if (payloadLength < 0 || payloadLength > 9L * counts.length) {
                throw new ProtocolException("a histogram payload of " + payloadLength + " bytes");
            }
            if (scratch.buffer.length < payloadLength) {
                scratch.buffer = new byte[Math.max(payloadLength, 2 * scratch.buffer.length)];
            }
            if (inflate(inflater, scratch.buffer, payloadLength) < payloadLength) {
                throw new ProtocolException("a histogram payload shorter than its header says");
            }
            return addCounts(scratch.buffer, payloadLength, counts);
        } catch (DataFormatException e) {
            throw new ProtocolException("a histogram that does not decompress", e);
        }
    }

    private static int inflate(Inflater inflater, byte[] into, int wanted) throws DataFormatException {
        int filled = 0;
        // Bounded: each round either fills bytes or ends the loop.
        while (filled < wanted) {
            int n = inflater.inflate(into, filled, wanted - filled);
            if (n == 0) break;
            filled += n;
        }
        return filled;
    }

    private static int addCounts(byte[] payload, int payloadLength, long[] counts) throws ProtocolException {
        int position = 0;
        long index = 0;
        int highest = -1;
        while (position < payloadLength) {
            long value = 0;
            int shift = 0;
            int b;
            do {
                if (position >= payloadLength) throw new ProtocolException("a histogram payload cut in a number");
                b = payload[position++] & 0xff;
                if (shift == 56) {
                    value |= (long) b << 56; // the ninth byte carries 8 bits
                    break;
                }
                value |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            long count = (value >>> 1) ^ -(value & 1);
            if (count < 0) {
                index -= count;
            } else {
                if (count > 0) {
                    if (index >= counts.length) throw new ProtocolException("a histogram count beyond its range");
                    counts[(int) index] += count;
                    highest = (int) index;
                }
                index++;
            }
        }
        return highest;
    }
}
