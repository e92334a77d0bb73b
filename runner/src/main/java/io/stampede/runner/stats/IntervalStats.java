package io.stampede.runner.stats;

import java.util.Map;

/**
 * What one recorder (one event loop, or one worker) measured during one interval.
 *
 * @param intervalId which one-second interval of the run this belongs to: 0 is the first second after the
 *                   start; a snapshot that arrives late still lands in its own interval
 * @param rows       per-row stats; rows without requests are absent. The map and its values are owned by the
 *                   receiver once handed over: the sender no longer touches them.
 */
public record IntervalStats(long intervalId, Map<RowKey, RowStats> rows) {
}
