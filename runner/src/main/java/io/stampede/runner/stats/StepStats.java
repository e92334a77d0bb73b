package io.stampede.runner.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * The stats of each step of a stepped run (stress), each step over its own judged seconds only: the intervals the
 * caller assigns to it. Histograms are merged, as everywhere, so a step's p95 is the p95 of its own requests.
 *
 * <p>Threading: every method may be called from any thread; all are synchronized (once a second per recorder or
 * worker). {@link #accept} copies what it needs and keeps none of the snapshot's RowStats.
 *
 * <p>Memory: one RowStats (~190 KB) per row and per step, plus the step's aggregate.
 */
public final class StepStats {

    private final Map<Integer, RowTable> steps = new TreeMap<>();

    /** Merges a snapshot of one of the step's judged intervals into the step (numbered from 1). */
    public synchronized void accept(int step, IntervalStats snapshot) {
        if (step < 1) throw new IllegalArgumentException("step must be >= 1: " + step);
        steps.computeIfAbsent(step, s -> new RowTable()).add(snapshot.rows());
    }

    /**
     * The step's figures as a summary, to judge thresholds on ({@link ThresholdEvaluator}): rates divide by the
     * judged span, {@code usersPeak} is the step's users.
     *
     * @param startEpochMillis start of the step's judged seconds
     * @param endEpochMillis   their end
     */
    public synchronized RunSummary summary(int step, int users, long startEpochMillis, long endEpochMillis) {
        RowTable table = steps.getOrDefault(step, new RowTable());
        double seconds = Math.max(0, endEpochMillis - startEpochMillis) / 1000.0;
        return new RunSummary("step " + step, startEpochMillis, endEpochMillis, seconds, users,
                table.sortedRows().stream().map(row -> RowSummary.of(row, table.row(row), seconds)).toList(),
                RowSummary.of(null, table.aggregate(), seconds), java.util.List.of());
    }
}
