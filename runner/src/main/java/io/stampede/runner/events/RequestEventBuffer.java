package io.stampede.runner.events;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One event loop's per-request events ({@code --events FILE --events-per request}): the loop appends a few
 * numbers per request into the current {@link EventBatch}, and once a second (when the engine drains the loop's
 * stats) hands the batch to the writer's thread; formatting and file I/O never run on the loop.
 *
 * <p>Cost on the loop, by design: one clock read and five array stores per request, no allocation once batches
 * are recycled. Bounded: at most {@link #MAX_PER_SECOND} requests per loop and second are kept; more, or batches
 * the writer cannot take (a disk slower than the load), are counted as dropped and reported, never waited for.
 *
 * <p>Threading: {@link #add} and {@link #handOver} on the owning event loop only; {@link #recycle} from the
 * writer's thread.
 */
public final class RequestEventBuffer {

    /** The most requests one loop keeps per second (about 33 MB of columns). */
    public static final int MAX_PER_SECOND = 1 << 20;
    private static final int INITIAL = 4096;

    private final ConcurrentLinkedQueue<EventBatch> free = new ConcurrentLinkedQueue<>();
    private final RequestEventSink sink;
    private EventBatch current;

    public RequestEventBuffer(RequestEventSink sink) {
        this.sink = sink;
        this.current = new EventBatch(INITIAL, this);
    }

    /**
     * One request, as counted in its stats row.
     *
     * @param status        the response's status, or 0 when none came (a transport error, a timeout)
     * @param latencyMicros as recorded in the row
     * @param cause         the failure's cause, or null for a success
     */
    public void add(int row, int status, long latencyMicros, String cause) {
        current.add(System.currentTimeMillis(), row, status, latencyMicros, cause, MAX_PER_SECOND);
    }

    /** Hands what was recorded since the last call to the sink and starts a new batch. */
    public void handOver() {
        EventBatch full = current;
        if (full.count == 0 && full.dropped == 0) return;
        EventBatch next = free.poll();
        current = next != null ? next : new EventBatch(Math.max(INITIAL, full.count), this);
        sink.accept(full);
    }

    /** The writer is done with this batch. */
    void recycle(EventBatch batch) {
        batch.clear();
        free.offer(batch);
    }
}
