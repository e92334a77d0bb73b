package io.stampede.runner.stats;

import java.util.Map;

/**
 * What one recorder (one event loop, or one worker) measured during one interval.
 *
 * @param intervalId which one-second interval of the run this belongs to: 0 is the first second after the
 *                   start; a snapshot that arrives late still lands in its own interval
 * @param rows       per-row stats; rows without requests are absent. A local recorder reuses them at its next
 *                   drain ({@link StatsRecorder#drain}): a receiver reads or copies them at once and keeps no
 *                   reference.
 * @param arrivals   the open model's arrivals due in this interval ({@link ArrivalCounts#NONE} when closed)
 */
public record IntervalStats(long intervalId, Map<RowKey, RowStats> rows, ArrivalCounts arrivals) {

    /** A closed-model interval: no arrivals. */
    public IntervalStats(long intervalId, Map<RowKey, RowStats> rows) {
        this(intervalId, rows, ArrivalCounts.NONE);
    }
}
