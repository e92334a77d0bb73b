package io.stampede.runner.analysis.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Pattern#THROUGHPUT_DECAY}: requests per second fall while the users stay the same. Judged over the
 * longest stretch of constant users, without its first {@value #SETTLE_SECONDS} s, if it lasts at least
 * {@value #MIN_SECONDS} s: the median RPS of its last third must be at most {@value #MAX_RATIO} of its first
 * third's, the first third at least {@value #MIN_RPS}/s (below that a few requests more or less are noise), and
 * the fall must be a trend over the whole stretch (Spearman of time and RPS at most {@value #MAX_CORRELATION}),
 * not one dip. A leak, a table or cache that grows with every request, or a pool that loses connections.
 */
final class ThroughputDecayDetector {

    static final int SETTLE_SECONDS = 5;
    static final int MIN_SECONDS = 60;
    static final double MAX_RATIO = 0.8;
    static final double MIN_RPS = 5;
    static final double MAX_CORRELATION = -0.5;

    private ThroughputDecayDetector() {
    }

    static Optional<StoryEntry> detect(Series aggregate) {
        List<Second> stretch = longestConstantUsers(aggregate.seconds());
        if (stretch.size() < MIN_SECONDS) return Optional.empty();
        int third = stretch.size() / 3;
        double[] rps = Series.values(stretch, Second::requests);
        double first = Robust.median(java.util.Arrays.copyOfRange(rps, 0, third));
        double last = Robust.median(java.util.Arrays.copyOfRange(rps, rps.length - third, rps.length));
        double correlation = Robust.spearman(Series.values(stretch, Second::elapsedMillis), rps);
        if (first < MIN_RPS || last > MAX_RATIO * first || !(correlation <= MAX_CORRELATION)) {
            return Optional.empty();
        }
        Second onset = stretch.get(0);
        for (int i = 0; i + SETTLE_SECONDS <= stretch.size(); i++) {
            double rolling = Robust.median(java.util.Arrays.copyOfRange(rps, i, i + SETTLE_SECONDS));
            if (rolling <= 0.9 * first) {
                onset = stretch.get(i);
                break;
            }
        }
        List<Second> latency = stretch.stream().filter(Second::hasLatency).toList();
        int latencyThird = Math.max(1, latency.size() / 3);
        double p95First = Robust.median(Series.values(latency.subList(0, latencyThird), Second::p95Ms));
        double p95Last = Robust.median(Series.values(latency.subList(latency.size() - latencyThird, latency.size()),
                Second::p95Ms));
        long span = stretch.get(stretch.size() - 1).elapsedMillis() + 1000 - stretch.get(0).elapsedMillis();
        String text = "RPS fell from " + StoryText.rate(first) + " to " + StoryText.rate(last) + " at a constant "
                + StoryText.users(onset.users()) + " over " + StoryText.elapsed(span) + " (p95 "
                + StoryText.ms(p95First) + " to " + StoryText.ms(p95Last) + ")";
        return Optional.of(new StoryEntry(Pattern.THROUGHPUT_DECAY, null, onset.point(), text));
    }

    /** The longest run of seconds with one user count, without its first seconds. */
    private static List<Second> longestConstantUsers(List<Second> seconds) {
        List<Second> best = List.of();
        List<Second> current = new ArrayList<>();
        for (Second second : seconds) {
            if (!current.isEmpty() && current.get(0).users() != second.users()) current = new ArrayList<>();
            current.add(second);
            if (current.size() > best.size()) best = current;
        }
        return best.size() <= SETTLE_SECONDS ? List.of() : best.subList(SETTLE_SECONDS, best.size());
    }
}
