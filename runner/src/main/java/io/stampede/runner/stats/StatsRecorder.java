package io.stampede.runner.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records requests of one event loop into per-row stats for the current interval.
 *
 * <p>Threading: a single writer. Every method, {@link #drain} included, must be called on the owning event
 * loop's thread; that is what makes recording lock-free. The engine drains each loop's recorder once a second
 * by posting a task onto that loop.
 *
 * <p>Rows are addressed by index into the scenario's row list (see {@code Scenario.rows()}), so the hot path does
 * no hashing. Two sets of rows are used in turn and reset rather than reallocated: a row's histogram takes tens of
 * KB (64 KB for latencies up to 100 ms), and allocating one per row, loop and second would be pointless garbage.
 */
public final class StatsRecorder {

    private final List<RowKey> rows;
    private RowStats[] current;
    private RowStats[] previous;
    private long scheduled;
    private long dropped;
    private long late;

    public StatsRecorder(List<RowKey> rows) {
        this.rows = List.copyOf(rows);
        this.current = freshRows();
        this.previous = freshRows();
    }

    /** Counts a request answered as a success, or answered with a renewal trigger (see the contract). */
    public void recordSuccess(int row, long latencyMicros, long contentBytes) {
        current[row].recordSuccess(latencyMicros, contentBytes);
    }

    /** Counts a failed request with its cause; see {@link RowStats#recordFailure}. */
    public void recordFailure(int row, long latencyMicros, long contentBytes, String cause) {
        current[row].recordFailure(latencyMicros, contentBytes, cause);
    }

    /** Counts an arrival of the open model that started an iteration; late when it started past its schedule. */
    public void recordArrivalStarted(boolean lateStart) {
        scheduled++;
        if (lateStart) late++;
    }

    /** Counts an arrival of the open model that found no free user. */
    public void recordArrivalDropped() {
        scheduled++;
        dropped++;
    }

    /**
     * Hands over everything recorded since the previous drain and starts a new interval.
     * Rows with no requests are left out. The returned stats stay valid until the next drain of this recorder,
     * which reuses them: receivers copy (add) what they keep, on the loop's thread, before that.
     */
    public IntervalStats drain(long intervalId) {
        RowStats[] finished = current;
        current = previous;
        for (RowStats row : current) {
            row.reset();
        }
        previous = finished;
        Map<RowKey, RowStats> byRow = new LinkedHashMap<>();
        for (int i = 0; i < finished.length; i++) {
            finished[i].flush(); // receivers may read it on another thread
            if (!finished[i].isEmpty()) {
                byRow.put(rows.get(i), finished[i]);
            }
        }
        ArrivalCounts arrivals = scheduled == 0 ? ArrivalCounts.NONE
                : new ArrivalCounts(scheduled, scheduled - dropped, dropped, late);
        scheduled = 0;
        dropped = 0;
        late = 0;
        return new IntervalStats(intervalId, byRow, arrivals);
    }

    private RowStats[] freshRows() {
        RowStats[] fresh = new RowStats[rows.size()];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = new RowStats();
        }
        return fresh;
    }
}
