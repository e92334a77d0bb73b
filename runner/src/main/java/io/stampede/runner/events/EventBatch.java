package io.stampede.runner.events;

/**
 * Requests of one event loop over about one second, in columns (no object per request). Filled by one loop,
 * then handed whole to the {@link EventsWriter}'s thread, which gives it back for reuse once written.
 *
 * <p>Threading: owned by one thread at a time; the hand-overs go through concurrent queues, which publish it.
 */
public final class EventBatch {

    long[] epochMillis;
    int[] rows;
    int[] statuses;
    long[] latencyMicros;
    String[] causes;
    int count;
    /** Requests not kept because the batch was at its cap. */
    long dropped;
    final RequestEventBuffer owner;

    EventBatch(int capacity, RequestEventBuffer owner) {
        this.owner = owner;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        epochMillis = new long[capacity];
        rows = new int[capacity];
        statuses = new int[capacity];
        latencyMicros = new long[capacity];
        causes = new String[capacity];
    }

    /** @return false when the batch is at {@code cap} and the request was not kept */
    boolean add(long millis, int row, int status, long micros, String cause, int cap) {
        if (count == rows.length) {
            if (count >= cap) {
                dropped++;
                return false;
            }
            grow(Math.min(cap, count * 2));
        }
        epochMillis[count] = millis;
        rows[count] = row;
        statuses[count] = status;
        latencyMicros[count] = micros;
        causes[count] = cause;
        count++;
        return true;
    }

    private void grow(int capacity) {
        epochMillis = java.util.Arrays.copyOf(epochMillis, capacity);
        rows = java.util.Arrays.copyOf(rows, capacity);
        statuses = java.util.Arrays.copyOf(statuses, capacity);
        latencyMicros = java.util.Arrays.copyOf(latencyMicros, capacity);
        causes = java.util.Arrays.copyOf(causes, capacity);
    }

    void clear() {
        java.util.Arrays.fill(causes, 0, count, null);
        count = 0;
        dropped = 0;
    }

    public int count() {
        return count;
    }
}
