package io.stampede.runner.cluster.protocol;

import io.stampede.runner.stats.RowKey;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link WorkerMessage.Snapshot} as a binary frame. Big-endian; strings are a u16 byte length and UTF-8:
 * <pre>
 * magic "SN" | version u8 = 1 | workerId i32 | intervalId i64 | users i32 | endEpochMillis i64 | rows i32
 * each row: method str | name str | requests i64 | failures i64 | contentBytes i64 | sumLatencyMicros i64
 *           | minLatencyMicros i64 | maxLatencyMicros i64 | causes i32 | each: cause str, occurrences i64
 *           | histogram length i32 | HdrHistogram compressed encoding (microseconds) of that length
 * </pre>
 * Histograms travel whole, in HdrHistogram's own compressed form, so the master adds them: percentiles are never
 * averaged. A realistic row (a few hundred requests) takes 300-400 bytes. Decoding does not decompress the
 * histograms: their bytes stay in the frame until the master adds them ({@link EncodedHistogram#addTo}).
 *
 * <p>Thread safe: stateless.
 */
public final class SnapshotCodec {

    static final byte[] MAGIC = {'S', 'N'};
    static final byte VERSION = 1;
    private static final int MAX_ROWS = 100_000;
    private static final int MAX_CAUSES = 10_000;

    private SnapshotCodec() {
    }

    public static byte[] encode(WorkerMessage.Snapshot snapshot) {
        int size = 64 + snapshot.rows().stream().mapToInt(row -> 128 + row.latencyMicros().length()).sum();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(snapshot.workerId());
            out.writeLong(snapshot.intervalId());
            out.writeInt(snapshot.users());
            out.writeLong(snapshot.endEpochMillis());
            out.writeInt(snapshot.rows().size());
            for (SnapshotRow row : snapshot.rows()) {
                writeRow(out, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static void writeRow(DataOutputStream out, SnapshotRow row) throws IOException {
        writeString(out, row.row().method());
        writeString(out, row.row().name());
        out.writeLong(row.requests());
        out.writeLong(row.failures());
        out.writeLong(row.contentBytes());
        out.writeLong(row.sumLatencyMicros());
        out.writeLong(row.minLatencyMicros());
        out.writeLong(row.maxLatencyMicros());
        out.writeInt(row.failuresByCause().size());
        for (Map.Entry<String, Long> cause : row.failuresByCause().entrySet()) {
            writeString(out, cause.getKey());
            out.writeLong(cause.getValue());
        }
        out.writeInt(row.latencyMicros().length());
        row.latencyMicros().writeTo(out);
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) throw new IllegalArgumentException("a row name or cause is over 64 KB");
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    /** @param frame owned by the result from now on: its histograms are slices of it */
    public static WorkerMessage.Snapshot decode(byte[] frame) throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(frame);
        try {
            if (in.get() != MAGIC[0] || in.get() != MAGIC[1]) throw new ProtocolException("not a snapshot frame");
            byte version = in.get();
            if (version != VERSION) throw new ProtocolException("snapshot version " + version + ", expected " + VERSION);
            int workerId = in.getInt();
            long intervalId = in.getLong();
            int users = in.getInt();
            long endEpochMillis = in.getLong();
            int rowCount = count(in.getInt(), MAX_ROWS, "rows");
            List<SnapshotRow> rows = new ArrayList<>(rowCount);
            for (int i = 0; i < rowCount; i++) {
                rows.add(readRow(in, frame));
            }
            if (in.hasRemaining()) throw new ProtocolException(in.remaining() + " bytes after the last row");
            if (intervalId < 0) throw new ProtocolException("negative interval id " + intervalId);
            return new WorkerMessage.Snapshot(workerId, intervalId, users, endEpochMillis, rows);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new ProtocolException("a truncated or malformed snapshot", e);
        }
    }

    private static SnapshotRow readRow(ByteBuffer in, byte[] frame) throws ProtocolException {
        RowKey key = new RowKey(readString(in), readString(in));
        long requests = in.getLong();
        long failures = in.getLong();
        long contentBytes = in.getLong();
        long sumLatencyMicros = in.getLong();
        long minLatencyMicros = in.getLong();
        long maxLatencyMicros = in.getLong();
        int causeCount = count(in.getInt(), MAX_CAUSES, "causes");
        Map<String, Long> causes = new HashMap<>(causeCount * 2);
        for (int i = 0; i < causeCount; i++) {
            causes.put(readString(in), in.getLong());
        }
        int length = count(in.getInt(), in.remaining(), "histogram bytes");
        EncodedHistogram histogram = new EncodedHistogram(frame, in.position(), length);
        in.position(in.position() + length);
        if (requests < 0 || failures < 0 || failures > requests) {
            throw new ProtocolException("a row with " + requests + " requests and " + failures + " failures");
        }
        return new SnapshotRow(key, requests, failures, contentBytes, sumLatencyMicros, minLatencyMicros,
                maxLatencyMicros, causes, histogram);
    }

    private static int count(int value, int max, String what) throws ProtocolException {
        if (value < 0 || value > max) throw new ProtocolException("a snapshot with " + value + " " + what);
        return value;
    }

    private static String readString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) throw new BufferUnderflowException();
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}
