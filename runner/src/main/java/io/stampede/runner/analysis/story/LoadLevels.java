package io.stampede.runner.analysis.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seconds grouped by load: one level per user count when the run held a few counts (user steps, stages that
 * hold), else {@value #BINS} equal-width bins of users (ramps). A level needs {@value #MIN_SECONDS} seconds with
 * requests; its latency is the median of theirs.
 *
 * @param users   the level's users (for a bin, the median of its seconds' users)
 * @param p95Ms   the median per-second p95 at that level
 * @param first   the level's first second
 */
record LoadLevels(int users, double p95Ms, Second first) {

    static final int BINS = 8;
    static final int MIN_SECONDS = 3;
    /** More distinct user counts than this (with enough seconds each) is a ramp, read in bins. */
    static final int MAX_DISTINCT = 12;

    /** Levels by ascending users; empty when the load hardly varied. */
    static List<LoadLevels> of(List<Second> latency) {
        Map<Integer, List<Second>> byUsers = new TreeMap<>();
        latency.forEach(second -> byUsers.computeIfAbsent(second.users(), u -> new ArrayList<>()).add(second));
        List<List<Second>> groups = byUsers.values().stream().filter(g -> g.size() >= MIN_SECONDS).toList();
        long covered = groups.stream().mapToLong(List::size).sum();
        if (groups.size() > MAX_DISTINCT || covered < 0.7 * latency.size()) {
            groups = bins(latency);
        }
        return groups.stream().map(LoadLevels::level).toList();
    }

    private static List<List<Second>> bins(List<Second> latency) {
        int min = latency.stream().mapToInt(Second::users).min().orElse(0);
        int max = latency.stream().mapToInt(Second::users).max().orElse(0);
        List<List<Second>> bins = new ArrayList<>();
        for (int i = 0; i < BINS; i++) bins.add(new ArrayList<>());
        double width = Math.max(1e-9, (max - min) / (double) BINS);
        for (Second second : latency) {
            bins.get(Math.min(BINS - 1, (int) ((second.users() - min) / width))).add(second);
        }
        return bins.stream().filter(bin -> bin.size() >= MIN_SECONDS).toList();
    }

    private static LoadLevels level(List<Second> seconds) {
        int users = (int) Math.round(Robust.median(Series.values(seconds, Second::users)));
        return new LoadLevels(users, Robust.median(Series.values(seconds, Second::p95Ms)), seconds.get(0));
    }
}
