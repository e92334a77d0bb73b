package io.stampede.runner.analysis.story;

import java.util.List;
import java.util.Optional;

/**
 * {@link Pattern#LINEAR}: the aggregate's p95 rises with the load, level after level. Judged over load levels
 * ({@link LoadLevels}), at least {@value #MIN_LEVELS} of them spanning at least {@value #MIN_USERS_RATIO} times
 * the users: their median p95 must rank with their users (Spearman at least {@value #MIN_CORRELATION}) and the top
 * level must be {@value #MIN_RISE} times the lowest and {@value #FLOOR_MS} ms above it. A saturated resource
 * (CPU, a pool) queues work in proportion to the users it serves.
 */
final class LinearDetector {

    static final int MIN_LEVELS = 3;
    static final double MIN_USERS_RATIO = 1.5;
    static final double MIN_CORRELATION = 0.8;
    static final double MIN_RISE = 1.5;
    static final double FLOOR_MS = 20;

    private LinearDetector() {
    }

    static Optional<StoryEntry> detect(Series aggregate) {
        List<LoadLevels> levels = LoadLevels.of(aggregate.withLatency());
        if (levels.size() < MIN_LEVELS) return Optional.empty();
        LoadLevels low = levels.get(0);
        LoadLevels top = levels.get(levels.size() - 1);
        if (top.users() < MIN_USERS_RATIO * Math.max(1, low.users())) return Optional.empty();
        double correlation = Robust.spearman(levels.stream().mapToDouble(LoadLevels::users).toArray(),
                levels.stream().mapToDouble(LoadLevels::p95Ms).toArray());
        double noticeable = Math.max(MIN_RISE * low.p95Ms(), low.p95Ms() + FLOOR_MS);
        if (!(correlation >= MIN_CORRELATION) || top.p95Ms() < noticeable) return Optional.empty();
        LoadLevels onset = levels.stream().filter(level -> level.p95Ms() >= Math.max(1.2 * low.p95Ms(),
                low.p95Ms() + FLOOR_MS / 2)).findFirst().orElse(top);
        LoadLevels middle = levels.get(levels.size() / 2);
        String text = "p95 rose with the load: " + StoryText.ms(low.p95Ms()) + " at " + StoryText.users(low.users())
                + (middle == low || middle == top ? "" : ", " + StoryText.ms(middle.p95Ms()) + " at "
                + StoryText.users(middle.users()))
                + ", " + StoryText.ms(top.p95Ms()) + " at " + StoryText.users(top.users());
        return Optional.of(new StoryEntry(Pattern.LINEAR, null, onset.first().point(), text));
    }
}
