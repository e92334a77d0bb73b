package io.stampede.runner.stats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Merges interval snapshots, from local event loops now and from remote workers later, into the run's stats.
 *
 * <p>Merging is by interval id: a snapshot always lands in its own interval, however late it arrives. It also
 * counts at once in the run's cumulative totals (live view and summary). Intervals are kept individually for the
 * last {@value #WINDOW_SECONDS} completed ones (the rate window, like Locust's) plus any not yet completed;
 * a snapshot for an interval older than that still counts in every total.
 *
 * <p>History: each completed interval leaves a {@link HistorySecond}; at most {@code historyLimitSeconds} of them
 * are kept (default {@value #DEFAULT_HISTORY_SECONDS}, 3 hours), the oldest dropped first. Each is small (numbers,
 * no histograms): about 360 bytes per row (LongRunMemoryTest). To keep all of a longer run, stream the value returned by
 * {@link #completeInterval} (e.g. to the CSV history).
 *
 * <p>Threading: every method may be called from any thread; all are synchronized (called about once a second
 * per event loop or worker, so contention does not matter). {@link #accept} copies what it needs from a snapshot
 * and keeps none of its RowStats.
 *
 * <p>Memory: each RowStats holds a histogram sized to its largest latency (64 KB up to 100 ms, 188 KB for the
 * full hour); kept are one per row and the aggregate for the run's totals
 * (twice: everything accepted, and completed intervals only) plus one per row with requests for each kept
 * interval.
 */
public final class StatsAggregator {

    /** Seconds over which current rates (and history percentiles) are computed. */
    public static final int WINDOW_SECONDS = 10;
    public static final int DEFAULT_HISTORY_SECONDS = 3 * 60 * 60;

    private final long startEpochMillis;
    private final int historyLimitSeconds;
    private final RowTable cumulative = new RowTable();
    private final RowTable completedTotals = new RowTable();
    private final NavigableMap<Long, Interval> intervals = new TreeMap<>();
    private final ArrayDeque<HistorySecond> history = new ArrayDeque<>();
    private long latestCompleted = -1;
    private int latestUsers;
    private long latestEndEpochMillis;
    private int usersPeak;
    private ArrivalCounts arrivals = ArrivalCounts.NONE;

    private static final class Interval {
        final RowTable stats = new RowTable();
        ArrivalCounts arrivals = ArrivalCounts.NONE;
        boolean complete;
    }

    /** @param startEpochMillis wall-clock start of the run, i.e. of interval 0 */
    public StatsAggregator(long startEpochMillis) {
        this(startEpochMillis, DEFAULT_HISTORY_SECONDS);
    }

    public StatsAggregator(long startEpochMillis, int historyLimitSeconds) {
        if (historyLimitSeconds < 1) {
            throw new IllegalArgumentException("historyLimitSeconds must be >= 1, was " + historyLimitSeconds);
        }
        this.startEpochMillis = startEpochMillis;
        this.historyLimitSeconds = historyLimitSeconds;
    }

    /** Merges one recorder's (or worker's) snapshot into its interval and into the run's totals. */
    public synchronized void accept(IntervalStats snapshot) {
        long id = snapshot.intervalId();
        if (id < 0) {
            throw new IllegalArgumentException("intervalId must be >= 0, was " + id);
        }
        cumulative.add(snapshot.rows());
        arrivals = arrivals.plus(snapshot.arrivals());
        Interval interval = intervals.get(id);
        if (interval == null && isRetained(id)) {
            interval = new Interval();
            intervals.put(id, interval);
        }
        if (interval != null) {
            interval.stats.add(snapshot.rows());
            interval.arrivals = interval.arrivals.plus(snapshot.arrivals());
        }
        if (interval == null || interval.complete) {
            completedTotals.add(snapshot.rows());
        }
    }

    /**
     * Marks an interval complete: every snapshot expected for it has been accepted.
     *
     * @param users          users running at the end of the interval
     * @param endEpochMillis wall-clock end of the interval
     * @return the interval's history picture; empty if it was already complete or is older than the window
     */
    public synchronized Optional<HistorySecond> completeInterval(long intervalId, int users, long endEpochMillis) {
        if (!isRetained(intervalId)) {
            return Optional.empty();
        }
        Interval interval = intervals.computeIfAbsent(intervalId, id -> new Interval());
        if (interval.complete) {
            return Optional.empty();
        }
        interval.complete = true;
        completedTotals.add(interval.stats);
        usersPeak = Math.max(usersPeak, users);
        if (intervalId > latestCompleted) {
            latestCompleted = intervalId;
            latestUsers = users;
            latestEndEpochMillis = endEpochMillis;
        }
        HistorySecond second = historySecond(intervalId, interval, users, endEpochMillis);
        history.addLast(second);
        while (history.size() > historyLimitSeconds) {
            history.removeFirst();
        }
        intervals.headMap(latestCompleted - WINDOW_SECONDS, true).clear();
        return Optional.of(second);
    }

    /** Cumulative figures and current rates, for the console. */
    public synchronized LiveView liveView() {
        int windowSeconds = latestCompleted < 0 ? 0 : windowSeconds(latestCompleted);
        RowTable window = latestCompleted < 0 ? new RowTable() : window(latestCompleted);
        List<LiveRow> rows = cumulative.sortedRows().stream()
                .map(row -> LiveRow.of(row, cumulative.row(row), window.row(row), windowSeconds))
                .toList();
        LiveRow aggregate = LiveRow.of(null, cumulative.aggregate(), window.aggregate(), windowSeconds);
        long elapsed = latestCompleted < 0 ? 0 : latestEndEpochMillis - startEpochMillis;
        return new LiveView(latestUsers, elapsed, rows, aggregate, arrivals);
    }

    /**
     * Each row's latencies (sorted as everywhere), then the aggregate's, for Prometheus: the run's totals so far
     * and the percentiles of the rate window.
     *
     * @param bucketBoundsSeconds histogram bucket upper bounds, ascending, in seconds
     */
    public synchronized List<LatencyDistribution> latencyDistributions(double[] bucketBoundsSeconds) {
        RowTable window = latestCompleted < 0 ? new RowTable() : window(latestCompleted);
        List<LatencyDistribution> distributions = new ArrayList<>();
        for (RowKey row : cumulative.sortedRows()) {
            distributions.add(LatencyDistribution.of(row.label(), cumulative.row(row), window.row(row),
                    bucketBoundsSeconds));
        }
        distributions.add(LatencyDistribution.of(RowSummary.AGGREGATED, cumulative.aggregate(), window.aggregate(),
                bucketBoundsSeconds));
        return distributions;
    }

    /**
     * The run's final figures over everything accepted, completed or not.
     *
     * @param runName        the LoadTest's name
     * @param endEpochMillis when the run ended; rates divide by (end - start)
     */
    public synchronized RunSummary summary(String runName, long endEpochMillis) {
        double durationSeconds = Math.max(0, endEpochMillis - startEpochMillis) / 1000.0;
        List<RowSummary> rows = cumulative.sortedRows().stream()
                .map(row -> RowSummary.of(row, cumulative.row(row), durationSeconds))
                .toList();
        RowSummary total = RowSummary.of(null, cumulative.aggregate(), durationSeconds);
        return new RunSummary(runName, startEpochMillis, endEpochMillis, durationSeconds, usersPeak, rows, total,
                failures(), arrivals);
    }

    /** The latest completed second's picture, if any. */
    public synchronized Optional<HistorySecond> latestSecond() {
        return Optional.ofNullable(history.peekLast());
    }

    /** The kept history, oldest first (see the class comment for the bound). */
    public synchronized List<HistorySecond> history() {
        return List.copyOf(history);
    }

    private boolean isRetained(long intervalId) {
        return intervalId > latestCompleted - WINDOW_SECONDS;
    }

    private static long windowStart(long lastIntervalId) {
        return Math.max(0, lastIntervalId - WINDOW_SECONDS + 1);
    }

    private static int windowSeconds(long lastIntervalId) {
        return (int) (lastIntervalId - windowStart(lastIntervalId) + 1);
    }

    /** The merge of the kept intervals in the window ending with lastIntervalId. */
    private RowTable window(long lastIntervalId) {
        RowTable window = new RowTable();
        intervals.subMap(windowStart(lastIntervalId), true, lastIntervalId, true)
                .values().forEach(interval -> window.add(interval.stats));
        return window;
    }

    private HistorySecond historySecond(long intervalId, Interval interval, int users, long endEpochMillis) {
        RowTable window = window(intervalId);
        int windowSeconds = windowSeconds(intervalId);
        List<HistoryRow> rows = completedTotals.sortedRows().stream()
                .map(row -> HistoryRow.of(row, interval.stats.row(row), window.row(row), windowSeconds,
                        completedTotals.row(row)))
                .toList();
        HistoryRow aggregate = HistoryRow.of(null, interval.stats.aggregate(), window.aggregate(), windowSeconds,
                completedTotals.aggregate());
        return new HistorySecond(intervalId, endEpochMillis, users, rows, aggregate, interval.arrivals);
    }

    private List<FailureCount> failures() {
        List<FailureCount> failures = new ArrayList<>();
        for (RowKey row : cumulative.sortedRows()) {
            cumulative.row(row).failuresByCause()
                    .forEach((cause, occurrences) -> failures.add(new FailureCount(row, cause, occurrences)));
        }
        failures.sort(Comparator.comparingLong(FailureCount::occurrences).reversed()
                .thenComparing(FailureCount::request)
                .thenComparing(FailureCount::cause));
        return failures;
    }
}
