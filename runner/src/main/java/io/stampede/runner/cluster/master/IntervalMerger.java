package io.stampede.runner.cluster.master;

import io.stampede.runner.cluster.protocol.WorkerMessage;
import io.stampede.runner.stats.ArrivalCounts;
import io.stampede.runner.stats.IntervalStats;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;
import io.stampede.runner.stats.StatsAggregator;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Merges the workers' snapshots by interval id and hands each interval, once complete, to the run's
 * {@link StatsAggregator}: one merged snapshot and one completion per interval, so the aggregator's cost does not
 * grow with the number of workers.
 *
 * <p>An interval is complete when every worker expected for it has reported, or {@code lateMillis} after its
 * first snapshot arrived; intervals complete in id order. A snapshot for an interval already completed is late:
 * it goes to the aggregator on its own and still counts, in its own interval (see {@link StatsAggregator}). A
 * second snapshot with the same (worker, interval) is a duplicate and is ignored.
 *
 * <p>A snapshot's rows belong to the merger once accepted: the first worker's row of an interval becomes the
 * interval's merged row and the others are added into it (histograms added, never percentiles averaged).
 *
 * <p>Threading: confined to the master's thread.
 */
final class IntervalMerger {

    private final StatsAggregator aggregator;
    private final long lateNanos;
    private final Consumer<IntervalStats> mergedListener;
    private final DealtCap usersCap;
    private final NavigableMap<Long, Pending> pending = new TreeMap<>();
    private final Map<Integer, BitSet> seen = new HashMap<>();
    private long completedThrough = -1;
    private long duplicates;
    private long lateSnapshots;

    private static final class Pending {
        final Map<RowKey, RowStats> rows = new LinkedHashMap<>();
        final Set<Integer> reporters = new HashSet<>();
        final long firstNanos;
        int users;
        long endEpochMillis;
        ArrivalCounts arrivals = ArrivalCounts.NONE;

        Pending(long firstNanos) {
            this.firstNanos = firstNanos;
        }
    }

    /** The most users that can have run during an interval; see {@link DealtUsers}. */
    interface DealtCap {
        int mostUsersAround(long intervalId);

        /** Intervals before this id are complete. */
        default void completedBefore(long intervalId) {
        }
    }

    /**
     * @param lateMillis     how long an interval waits for missing workers after its first snapshot, >= 0
     * @param mergedListener sees every merged interval and every late snapshot as the aggregator gets it
     * @param usersCap       caps the sum of the workers' users of an interval (users moved between workers within
     *                       the interval are reported by both)
     */
    IntervalMerger(StatsAggregator aggregator, long lateMillis, Consumer<IntervalStats> mergedListener,
                   DealtCap usersCap) {
        this.aggregator = aggregator;
        this.lateNanos = lateMillis * 1_000_000;
        this.mergedListener = mergedListener;
        this.usersCap = usersCap;
    }

    /**
     * Takes one worker's snapshot, and with it its rows.
     *
     * @return false for a duplicate (nothing counted)
     */
    boolean accept(int workerId, WorkerMessage.Snapshot snapshot, long nowNanos) {
        long id = snapshot.intervalId();
        BitSet workerSeen = seen.computeIfAbsent(workerId, w -> new BitSet());
        if (id > Integer.MAX_VALUE - 1 || workerSeen.get((int) id)) {
            duplicates++;
            return false;
        }
        if (id <= completedThrough) {
            workerSeen.set((int) id);
            lateSnapshots++;
            IntervalStats late = new IntervalStats(id, snapshot.rows(), snapshot.arrivals());
            aggregator.accept(late);
            mergedListener.accept(late);
            return true;
        }
        workerSeen.set((int) id);
        Pending interval = pending.computeIfAbsent(id, key -> new Pending(nowNanos));
        snapshot.rows().forEach((key, row) -> interval.rows.merge(key, row, IntervalMerger::addInto));
        interval.reporters.add(workerId);
        interval.users += snapshot.users();
        interval.arrivals = interval.arrivals.plus(snapshot.arrivals());
        interval.endEpochMillis = Math.max(interval.endEpochMillis, snapshot.endEpochMillis());
        return true;
    }

    /**
     * Open model: counts arrivals that were due on a departed worker and never reported as scheduled and dropped,
     * in interval {@code intervalId} (the second the master dealt them to others); as a late snapshot if that
     * interval is already complete.
     *
     * @param unsent > 0
     */
    void addUnsentArrivals(long intervalId, long unsent, long nowNanos) {
        ArrivalCounts counts = new ArrivalCounts(unsent, 0, unsent, 0);
        if (intervalId <= completedThrough) {
            IntervalStats late = new IntervalStats(intervalId, Map.of(), counts);
            aggregator.accept(late);
            mergedListener.accept(late);
            return;
        }
        Pending interval = pending.computeIfAbsent(intervalId, key -> new Pending(nowNanos));
        interval.arrivals = interval.arrivals.plus(counts);
    }

    /**
     * Completes, in id order, the intervals that every expected worker has reported or that waited long enough.
     *
     * @param expectedFor the workers whose snapshots an interval waits for (lost workers are not among them)
     */
    void completeReady(LongFunction<Collection<Integer>> expectedFor, long nowNanos) {
        // Bounded: each round removes one pending interval.
        while (!pending.isEmpty()) {
            Map.Entry<Long, Pending> first = pending.firstEntry();
            Pending interval = first.getValue();
            boolean waited = nowNanos - interval.firstNanos >= lateNanos;
            if (!waited && !interval.reporters.containsAll(expectedFor.apply(first.getKey()))) return;
            complete(first.getKey(), pending.pollFirstEntry().getValue());
        }
    }

    /** Completes everything still pending (the run is over). */
    void completeAll() {
        while (!pending.isEmpty()) {
            Map.Entry<Long, Pending> first = pending.pollFirstEntry();
            complete(first.getKey(), first.getValue());
        }
    }

    private static RowStats addInto(RowStats merged, RowStats row) {
        merged.add(row);
        return merged;
    }

    private void complete(long id, Pending interval) {
        IntervalStats merged = new IntervalStats(id, interval.rows, interval.arrivals);
        aggregator.accept(merged);
        int users = Math.min(interval.users, usersCap.mostUsersAround(id));
        aggregator.completeInterval(id, users, interval.endEpochMillis);
        completedThrough = Math.max(completedThrough, id);
        usersCap.completedBefore(completedThrough + 1);
        mergedListener.accept(merged);
    }

    long duplicates() {
        return duplicates;
    }

    long lateSnapshots() {
        return lateSnapshots;
    }
}
