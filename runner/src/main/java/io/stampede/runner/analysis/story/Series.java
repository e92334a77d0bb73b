package io.stampede.runner.analysis.story;

import io.stampede.runner.stats.HistoryRow;
import io.stampede.runner.stats.HistorySecond;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The seconds of one row (or of the aggregate) that the story reads, oldest first.
 *
 * <p>Left out, and why: the first {@value #WARM_UP_SECONDS} seconds (connections are being opened and both sides'
 * JIT compilers are warming up: they say nothing about the load), the last second of the history (the run may have
 * ended in its middle, with users stopping), and seconds without users (before the first and after the last).
 */
final class Series {

    static final int WARM_UP_SECONDS = 3;

    private final String row;
    private final List<Second> seconds;

    private Series(String row, List<Second> seconds) {
        this.row = row;
        this.seconds = List.copyOf(seconds);
    }

    /** The aggregate's series. */
    static Series aggregate(List<HistorySecond> history) {
        return of(null, history);
    }

    /** The series of the row with this label; a second where it had no requests has none. */
    static Series row(String label, List<HistorySecond> history) {
        return of(label, history);
    }

    /** Every row label that appears in the history, in order of first appearance. */
    static List<String> rowLabels(List<HistorySecond> history) {
        Set<String> labels = new LinkedHashSet<>();
        history.forEach(second -> second.rows().forEach(row -> labels.add(row.name())));
        return List.copyOf(labels);
    }

    private static Series of(String label, List<HistorySecond> history) {
        List<Second> seconds = new ArrayList<>();
        for (int i = 0; i < history.size() - 1; i++) {
            HistorySecond second = history.get(i);
            if (second.intervalId() < WARM_UP_SECONDS || second.users() <= 0) continue;
            HistoryRow row = label == null ? second.aggregate() : find(second, label);
            long elapsed = second.intervalId() * 1000;
            if (row == null || row.intervalRequests() == 0) {
                seconds.add(new Second(elapsed, second.users(), 0, 0, Double.NaN, Double.NaN));
            } else {
                seconds.add(new Second(elapsed, second.users(), row.intervalRequests(), row.intervalFailures(),
                        row.intervalPercentiles().at(95), row.intervalPercentiles().at(99)));
            }
        }
        return new Series(label, seconds);
    }

    private static HistoryRow find(HistorySecond second, String label) {
        for (HistoryRow row : second.rows()) {
            if (row.name().equals(label)) return row;
        }
        return null;
    }

    /** The row's label, or null for the aggregate. */
    String row() {
        return row;
    }

    List<Second> seconds() {
        return seconds;
    }

    /** The seconds that had requests (and so a latency). */
    List<Second> withLatency() {
        return seconds.stream().filter(Second::hasLatency).toList();
    }

    long requests() {
        return seconds.stream().mapToLong(Second::requests).sum();
    }

    long failures() {
        return seconds.stream().mapToLong(Second::failures).sum();
    }

    static double[] values(List<Second> seconds, ToDoubleFunction<Second> value) {
        return seconds.stream().mapToDouble(value).toArray();
    }

    /**
     * The latency the run started from: the median p95 of its first fifth (at least {@value #BASELINE_MIN} seconds
     * with requests). At the lowest load for a ramp, the steady level for a constant load.
     */
    static double baselineP95(List<Second> latency) {
        int n = Math.min(latency.size(), Math.max(BASELINE_MIN, latency.size() / 5));
        return Robust.median(values(latency.subList(0, n), Second::p95Ms));
    }

    static final int BASELINE_MIN = 5;
}
