package io.stampede.runner.cluster.worker;

import io.stampede.runner.engine.StatsSink;
import io.stampede.runner.stats.ArrivalCounts;
import io.stampede.runner.stats.IntervalStats;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's sink on a worker: adds the event loops' parts of each interval together and hands the whole
 * interval over once the engine completes it.
 *
 * <p>Threading: {@link #accept} runs on the event loops (copying at once: the engine reuses its rows), under this
 * object's lock; {@link #completeInterval} hands the interval to {@code onInterval}, which must not block (the
 * agent queues the encoding and sending onto its own thread, off the event loops).
 */
final class SnapshotCollector implements StatsSink {

    /** One completed interval of this worker. */
    record Interval(long intervalId, int users, long endEpochMillis, Map<RowKey, RowStats> rows,
                    ArrivalCounts arrivals) {
    }

    private final java.util.function.Consumer<Interval> onInterval;
    private final Map<Long, Map<RowKey, RowStats>> open = new HashMap<>();
    private final Map<Long, ArrivalCounts> arrivals = new HashMap<>();

    SnapshotCollector(java.util.function.Consumer<Interval> onInterval) {
        this.onInterval = onInterval;
    }

    @Override
    public void accept(IntervalStats stats) {
        synchronized (this) {
            Map<RowKey, RowStats> rows = open.computeIfAbsent(stats.intervalId(), id -> new LinkedHashMap<>());
            stats.rows().forEach((row, part) -> rows.computeIfAbsent(row, key -> new RowStats()).add(part));
            if (stats.arrivals().any()) arrivals.merge(stats.intervalId(), stats.arrivals(), ArrivalCounts::plus);
        }
    }

    @Override
    public void completeInterval(long intervalId, int users, long endEpochMillis) {
        Map<RowKey, RowStats> rows;
        ArrivalCounts due;
        synchronized (this) {
            rows = open.remove(intervalId);
            due = arrivals.remove(intervalId);
        }
        onInterval.accept(new Interval(intervalId, users, endEpochMillis, rows == null ? Map.of() : rows,
                due == null ? ArrivalCounts.NONE : due));
    }
}
