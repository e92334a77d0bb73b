package io.stampede.runner.cluster.master;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How many users the master dealt out over the run, by time: the most that can have run at once, whatever the
 * workers report. A worker reports the most users it ran during each interval; when users move from a stopping
 * or lost worker to another within one interval, both report them, and the sum of the two would count them twice.
 * The master caps each merged interval at the most users it dealt around that second ({@link #mostAround}).
 *
 * <p>Threading: confined to the master's thread.
 */
final class DealtUsers {

    /** How far around an interval's own second the cap looks: workers' seconds start a little after the master's. */
    static final long SLACK_MILLIS = 1000;

    /** The dealt total from each time on (ms since the start), recorded when it changes. */
    private final NavigableMap<Long, Integer> changes = new TreeMap<>();

    /** The master has dealt {@code users} in all at {@code elapsedMillis} (>= 0, never decreasing between calls). */
    void dealt(long elapsedMillis, int users) {
        Map.Entry<Long, Integer> last = changes.lastEntry();
        if (last == null || last.getValue() != users) changes.put(elapsedMillis, users);
    }

    /**
     * The most users dealt at any moment from {@link #SLACK_MILLIS} before interval {@code intervalId}'s second to as
     * long after it; {@link Integer#MAX_VALUE} (no cap) before anything was dealt.
     */
    int mostAround(long intervalId) {
        long from = intervalId * 1000 - SLACK_MILLIS;
        long to = (intervalId + 1) * 1000 + SLACK_MILLIS;
        Map.Entry<Long, Integer> atStart = changes.floorEntry(from);
        int most = atStart == null ? (changes.isEmpty() ? Integer.MAX_VALUE : 0) : atStart.getValue();
        for (int users : changes.subMap(from, false, to, true).values()) most = Math.max(most, users);
        return most;
    }

    /** Forgets what no interval before {@code intervalId} will ask about again. */
    void forgetBefore(long intervalId) {
        Map.Entry<Long, Integer> keep = changes.floorEntry(intervalId * 1000 - SLACK_MILLIS);
        if (keep != null) changes.headMap(keep.getKey(), false).clear();
    }
}
