package io.stampede.runner.events;

import io.stampede.runner.stats.HistorySecond;
import io.stampede.runner.stats.RowKey;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes {@code --events FILE} on a thread of its own ({@code stampede-events}): request batches from the loops
 * and second lines from the master, as {@link EventLines}. Never blocks a caller: a full queue (a disk slower than
 * the load) drops the batch and counts it; a {@code dropped} line and {@link #dropped()} say how many requests
 * were not written.
 *
 * <p>Threading: {@link #accept} and {@link #second} from any thread; {@link #close} once, after the run.
 */
public final class EventsWriter implements RequestEventSink, AutoCloseable {

    /** Batches waiting to be written: about 16 s of one loop's requests. */
    static final int QUEUE = 64;

    private final BufferedWriter out;
    private final List<RowKey> rows;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private final StringBuilder line = new StringBuilder(160);
    private volatile IOException failure;
    private static final Object END = new Object();

    /**
     * Opens (creates or truncates) the file.
     *
     * @param rows the scenario's stats rows, to name a request's row
     * @throws IOException when the file cannot be written
     */
    public EventsWriter(Path file, List<RowKey> rows) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.rows = List.copyOf(rows);
        this.thread = new Thread(this::drain, "stampede-events");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(EventBatch batch) {
        if (!queue.offer(batch)) {
            dropped.addAndGet(batch.count + batch.dropped);
            batch.owner.recycle(batch);
        }
    }

    /** Queues a second's line (a few a second at most, so it waits for room rather than drop it). */
    public void second(HistorySecond second) {
        if (failure != null) return;
        try {
            queue.offer(EventLines.second(second), 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Requests not written so far. */
    public long dropped() {
        return dropped.get();
    }

    /** Request and second lines written so far. */
    public long written() {
        return written.get();
    }

    /**
     * Writes what is queued, a {@code dropped} line if any were, and closes the file.
     *
     * @return the first write error, or null
     */
    public IOException finish() {
        try {
            queue.put(END);
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    @Override
    public void close() {
        finish();
    }

    private void drain() {
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) break;
                if (next instanceof EventBatch batch) {
                    write(batch);
                } else {
                    out.write((String) next);
                    written.incrementAndGet();
                }
            }
            long lost = dropped.get();
            if (lost > 0) out.write(EventLines.dropped(System.currentTimeMillis(), lost));
            out.close();
        } catch (IOException e) {
            failure = e;
            try {
                out.close();
            } catch (IOException ignored) {
                // The first error is the one to report.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(EventBatch batch) throws IOException {
        try {
            for (int i = 0; i < batch.count; i++) {
                line.setLength(0);
                EventLines.request(line, batch.epochMillis[i], rows.get(batch.rows[i]).label(), batch.statuses[i],
                        batch.latencyMicros[i], batch.causes[i]);
                out.append(line);
            }
            written.addAndGet(batch.count);
            dropped.addAndGet(batch.dropped);
        } finally {
            batch.owner.recycle(batch);
        }
    }
}
