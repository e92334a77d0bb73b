package io.stampede.runner.cluster.link;

import io.stampede.runner.cluster.protocol.ProtocolException;
import io.stampede.runner.cluster.protocol.WorkerMessage;
import io.stampede.runner.stats.ArrivalCounts;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;

/**
 * A {@link WorkerMessage.Snapshot} as a binary frame. Big-endian; strings are a u16 byte length and UTF-8:
 * <pre>
 * magic "SN" | version u8 = 2 | workerId i32 | intervalId i64 | users i32 | endEpochMillis i64
 * | arrivals scheduled i64, dropped i64, late i64 (the open model's; 0 when closed) | rows i32
 * each row: method str | name str | the row's counters, causes and histogram ({@link RowStats#encodeInto})
 * </pre>
 * Histograms travel whole, in HdrHistogram's own compressed form, so the master adds them: percentiles are never
 * averaged. A realistic row (a few hundred requests) takes 300-400 bytes.
 *
 * <p>Thread safe: stateless.
 */
public final class SnapshotCodec {

    static final byte[] MAGIC = {'S', 'N'};
    static final byte VERSION = 2;
    private static final int HEADER_BYTES = 3 + 4 + 8 + 4 + 8 + 3 * 8 + 4;
    private static final int MAX_ROWS = 100_000;

    private SnapshotCodec() {
    }

    /** The rows are only read, on the caller's thread, which must own them. */
    public static byte[] encode(WorkerMessage.Snapshot snapshot) {
        int capacity = HEADER_BYTES;
        for (Map.Entry<RowKey, RowStats> row : snapshot.rows().entrySet()) {
            capacity += 4 + utf8Length(row.getKey().method()) + utf8Length(row.getKey().name())
                    + row.getValue().maxEncodedBytes();
        }
        ByteBuffer out = ByteBuffer.allocate(capacity);
        out.put(MAGIC).put(VERSION).putInt(snapshot.workerId()).putLong(snapshot.intervalId())
                .putInt(snapshot.users()).putLong(snapshot.endEpochMillis())
                .putLong(snapshot.arrivals().scheduled()).putLong(snapshot.arrivals().dropped())
                .putLong(snapshot.arrivals().late()).putInt(snapshot.rows().size());
        snapshot.rows().forEach((key, stats) -> {
            putString(out, key.method());
            putString(out, key.name());
            stats.encodeInto(out);
        });
        return Arrays.copyOf(out.array(), out.position());
    }

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
            long scheduled = in.getLong();
            long dropped = in.getLong();
            long late = in.getLong();
            if (scheduled < 0 || dropped < 0 || late < 0 || dropped > scheduled || late > scheduled - dropped) {
                throw new ProtocolException("impossible arrival counts " + scheduled + "/" + dropped + "/" + late);
            }
            ArrivalCounts arrivals = scheduled == 0 ? ArrivalCounts.NONE
                    : new ArrivalCounts(scheduled, scheduled - dropped, dropped, late);
            int rowCount = in.getInt();
            if (rowCount < 0 || rowCount > MAX_ROWS) throw new ProtocolException("a snapshot with " + rowCount + " rows");
            Map<RowKey, RowStats> rows = new LinkedHashMap<>(rowCount * 2);
            for (int i = 0; i < rowCount; i++) {
                RowKey key = new RowKey(getString(in), getString(in));
                rows.put(key, RowStats.decodeFrom(in));
            }
            if (in.hasRemaining()) throw new ProtocolException(in.remaining() + " bytes after the last row");
            if (intervalId < 0) throw new ProtocolException("negative interval id " + intervalId);
            return new WorkerMessage.Snapshot(workerId, intervalId, users, endEpochMillis, rows, arrivals);
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("a truncated snapshot", e);
        } catch (DataFormatException e) {
            throw new ProtocolException("a malformed row: " + e.getMessage(), e);
        }
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void putString(ByteBuffer out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) throw new IllegalArgumentException("a row name is over 64 KB");
        out.putShort((short) utf8.length).put(utf8);
    }

    private static String getString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) throw new BufferUnderflowException();
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}
