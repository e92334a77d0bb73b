package io.stampede.runner.analysis.story;

import io.stampede.runner.stats.HistorySecond;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tells the story of a run from its per-second history: which of the contract's patterns happened, where and when,
 * in a sentence each, and whether the run degraded gracefully or catastrophically. Pure: a function of the history.
 *
 * <p>Robust by construction: every comparison is between medians or quantiles of per-second figures, against the
 * run's own start (relative thresholds) and absolute floors, so the jitter of a healthy run (a stray slow second,
 * a GC pause) is never a pattern. Each detector's class comment gives its rule.
 *
 * <p>Aggregate patterns are judged first, then {@link Pattern#FLAT_THEN_SPIKE} per row; the entries are kept most
 * severe first (the order of {@link Pattern}), at most {@value Story#MAX_ENTRIES}. A linear rise is not named
 * beside a cliff: the cliff says more. When nothing is named, the one entry is {@link Pattern#STABLE}.
 *
 * <p>Too little to judge is said, never guessed: fewer than {@value #MIN_SECONDS} seconds with requests after the
 * warm-up, or fewer than {@value #MIN_REQUESTS} requests.
 */
public final class StoryAnalyser {

    static final int MIN_SECONDS = 20;
    static final int MIN_REQUESTS = 100;
    /** Failures at or above this share of the requests make the verdict catastrophic, whatever the shape. */
    static final int CATASTROPHIC_FAILURE_PERCENT = 5;

    private StoryAnalyser() {
    }

    /** @param history the run's seconds, oldest first, as {@code StatsAggregator.history()} returns them */
    public static Story analyse(List<HistorySecond> history) {
        Series aggregate = Series.aggregate(history);
        int seconds = aggregate.withLatency().size();
        if (seconds < MIN_SECONDS) {
            return Story.notEnoughData(seconds + " s with requests after the first " + Series.WARM_UP_SECONDS
                    + " s; the story needs " + MIN_SECONDS + " s");
        }
        if (aggregate.requests() < MIN_REQUESTS) {
            return Story.notEnoughData(aggregate.requests() + " requests; the story needs " + MIN_REQUESTS);
        }
        List<StoryEntry> entries = new ArrayList<>();
        CliffDetector.detect(aggregate).ifPresent(entries::add);
        ErrorsUnderLoadDetector.detect(aggregate).ifPresent(entries::add);
        entries.addAll(FlatThenSpikeDetector.detect(rows(history)));
        ThroughputDecayDetector.detect(aggregate).ifPresent(entries::add);
        if (entries.stream().noneMatch(entry -> entry.pattern() == Pattern.CLIFF)) {
            LinearDetector.detect(aggregate).ifPresent(entries::add);
        }
        SawtoothDetector.detect(aggregate).ifPresent(entries::add);
        if (entries.isEmpty()) {
            entries.add(stable(aggregate));
        }
        entries.sort(Comparator.comparing(StoryEntry::pattern));
        List<StoryEntry> kept = entries.subList(0, Math.min(Story.MAX_ENTRIES, entries.size()));
        double failureRate = ErrorsUnderLoadDetector.rate(aggregate.seconds());
        boolean catastrophic = kept.stream().anyMatch(entry -> entry.pattern().isCatastrophic())
                || failureRate * 100 >= CATASTROPHIC_FAILURE_PERCENT;
        return new Story(kept, catastrophic ? Verdict.CATASTROPHIC : Verdict.GRACEFUL, null);
    }

    /** Rows with enough seconds of their own to be judged. */
    private static List<Series> rows(List<HistorySecond> history) {
        return Series.rowLabels(history).stream()
                .map(label -> Series.row(label, history))
                .filter(row -> row.withLatency().size() >= MIN_SECONDS)
                .toList();
    }

    /** {@code p95 steady (40-60 ms) over 2m at 10 users, 20/s, no failures}. */
    private static StoryEntry stable(Series aggregate) {
        List<Second> latency = aggregate.withLatency();
        double[] p95 = Series.values(latency, Second::p95Ms);
        int fewest = latency.stream().mapToInt(Second::users).min().orElse(0);
        int most = latency.stream().mapToInt(Second::users).max().orElse(0);
        long span = latency.get(latency.size() - 1).elapsedMillis() + 1000 - latency.get(0).elapsedMillis();
        double failureRate = ErrorsUnderLoadDetector.rate(aggregate.seconds());
        String failures = aggregate.failures() == 0 ? "no failures"
                : StoryText.percent(failureRate) + " failed" + (failureRate >= ErrorsUnderLoadDetector.CLEAN_RATE
                ? " throughout" : "");
        String users = fewest == most ? StoryText.users(most) : fewest + "-" + StoryText.users(most);
        String text = "p95 steady (" + StoryText.msRange(Robust.quantile(p95, 0.1), Robust.quantile(p95, 0.9))
                + ") over " + StoryText.elapsed(span) + " at " + users + ", "
                + StoryText.rate(Robust.median(Series.values(aggregate.seconds(), Second::requests))) + ", "
                + failures;
        return new StoryEntry(Pattern.STABLE, null, null, text);
    }
}
