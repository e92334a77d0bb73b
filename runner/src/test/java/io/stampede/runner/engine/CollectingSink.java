package io.stampede.runner.engine;

import io.stampede.runner.stats.IntervalStats;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A StatsSink for engine tests: merges everything per row and remembers the completed intervals. */
final class CollectingSink implements StatsSink {

    private final Map<RowKey, RowStats> totals = new ConcurrentHashMap<>();
    private final List<long[]> completed = new ArrayList<>();

    @Override
    public synchronized void accept(IntervalStats stats) {
        stats.rows().forEach((row, rowStats) -> totals.computeIfAbsent(row, r -> new RowStats()).add(rowStats));
    }

    @Override
    public synchronized void completeInterval(long intervalId, int users, long endEpochMillis) {
        completed.add(new long[] {intervalId, users, endEpochMillis});
    }

    synchronized RowStats row(String method, String name) {
        RowStats stats = totals.get(new RowKey(method, name));
        return stats == null ? new RowStats() : stats.copy();
    }

    synchronized RowStats total() {
        RowStats total = new RowStats();
        totals.values().forEach(total::add);
        return total;
    }

    synchronized Map<String, Long> failuresByCause() {
        Map<String, Long> causes = new TreeMap<>();
        totals.values().forEach(stats -> stats.failuresByCause().forEach((c, n) -> causes.merge(c, n, Long::sum)));
        return causes;
    }

    synchronized List<long[]> completedIntervals() {
        return List.copyOf(completed);
    }
}
