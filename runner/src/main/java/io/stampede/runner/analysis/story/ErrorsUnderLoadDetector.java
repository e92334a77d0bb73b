package io.stampede.runner.analysis.story;

import java.util.List;
import java.util.Optional;

/**
 * {@link Pattern#ERRORS_UNDER_LOAD}: the run starts clean (failure rate under {@value #CLEAN_RATE} over its first
 * fifth, at least {@value Series#BASELINE_MIN} seconds), then from some second on {@value Jump#WINDOW} seconds in a
 * row fail at a rate of at least {@value #FAILING_RATE} (and five times the start's), with at least
 * {@value #MIN_FAILURES} failures, and failures go on (at least half that rate over the rest of the run at no lower
 * load). A run that fails from its first seconds does not degrade under load: it is not this pattern.
 * Pool exhaustion answered with 503, timeouts of a full queue, connection resets of a full accept backlog.
 */
final class ErrorsUnderLoadDetector {

    static final double CLEAN_RATE = 0.01;
    static final double FAILING_RATE = 0.05;
    static final int MIN_FAILURES = 5;

    private ErrorsUnderLoadDetector() {
    }

    static Optional<StoryEntry> detect(Series aggregate) {
        List<Second> seconds = aggregate.withLatency();
        int n = seconds.size();
        int clean = Math.max(Series.BASELINE_MIN, n / 5);
        if (n < clean + Jump.WINDOW) return Optional.empty();
        double startRate = rate(seconds.subList(0, clean));
        if (startRate >= CLEAN_RATE) return Optional.empty();
        double failing = Math.max(FAILING_RATE, 5 * startRate);
        for (int i = Math.min(clean, Jump.WINDOW); i + Jump.WINDOW <= n; i++) {
            List<Second> window = seconds.subList(i, i + Jump.WINDOW);
            if (rate(window) < failing || failures(window) < MIN_FAILURES) continue;
            int users = seconds.get(i).users();
            List<Second> rest = seconds.subList(i, n).stream().filter(s -> s.users() >= users).toList();
            if (rate(rest) < failing / 2) continue;
            int onset = i;
            while (seconds.get(onset).failures() == 0) onset++;
            Second first = seconds.get(onset);
            Second lastClean = seconds.get(Math.max(0, onset - 1));
            double before = rate(seconds.subList(0, onset));
            String from = first.users() > lastClean.users()
                    ? " up to " + StoryText.users(lastClean.users()) + ", then "
                    + StoryText.percent(rate(rest)) + " failed from " + StoryText.users(first.users())
                    : " at " + StoryText.users(first.users()) + " until " + StoryText.elapsed(first.elapsedMillis())
                    + ", then " + StoryText.percent(rate(rest)) + " failed";
            String text = "failures " + StoryText.percent(before) + from;
            return Optional.of(new StoryEntry(Pattern.ERRORS_UNDER_LOAD, null, first.point(), text));
        }
        return Optional.empty();
    }

    static double rate(List<Second> seconds) {
        long requests = seconds.stream().mapToLong(Second::requests).sum();
        return requests == 0 ? 0 : (double) failures(seconds) / requests;
    }

    private static long failures(List<Second> seconds) {
        return seconds.stream().mapToLong(Second::failures).sum();
    }
}
