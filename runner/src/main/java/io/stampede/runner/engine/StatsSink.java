package io.stampede.runner.engine;

import io.stampede.runner.stats.IntervalStats;

/**
 * Where the engine hands its measurements: locally the stats aggregator, on a worker the link to the master.
 *
 * <p>Threading: {@link #accept} is called from the event loops, concurrently; {@link #completeInterval} is called
 * once per interval after every loop's part of it was accepted.
 */
public interface StatsSink {

    void accept(IntervalStats stats);

    /**
     * @param users          the users running at the end of the interval
     * @param endEpochMillis wall-clock time the interval ended
     */
    void completeInterval(long intervalId, int users, long endEpochMillis);
}
