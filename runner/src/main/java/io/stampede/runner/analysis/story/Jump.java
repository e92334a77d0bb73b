package io.stampede.runner.analysis.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lasting jump in a latency series: fine right before, far above the start right after, and high for most of the
 * rest of the run at no lower load. What a {@link Pattern#CLIFF} (on the aggregate) and a
 * {@link Pattern#FLAT_THEN_SPIKE} (on one row) have in common.
 *
 * @param lastFine  the last second before the jump
 * @param first     the first high second
 * @param fineLowMs 10th percentile of the per-second p95 before the jump
 * @param fineHighMs 90th percentile of the same
 * @param highMs    25th percentile of the per-second p95 over the first seconds of the jump: "900 ms+"
 */
record Jump(Second lastFine, Second first, double fineLowMs, double fineHighMs, double highMs) {

    /** Seconds compared on either side of a candidate jump: enough for a median to ignore one stray second. */
    static final int WINDOW = 5;
    /** Share of the seconds after the jump (at no lower load) that must stay high: a jump that recovers is no cliff. */
    static final double STAYS = 0.6;

    /**
     * Finds the first lasting jump.
     *
     * @param latency seconds with requests, oldest first
     * @param factor  how far above the baseline the seconds after the jump must be (median), e.g. 5
     * @param floorMs and by at least this much, so a fast service's 1 ms to 5 ms is no collapse
     */
    static Optional<Jump> find(List<Second> latency, double factor, double floorMs) {
        int n = latency.size();
        if (n < Series.BASELINE_MIN + 2 * WINDOW) return Optional.empty();
        double[] p95 = Series.values(latency, Second::p95Ms);
        double baseline = Series.baselineP95(latency);
        double fineLimit = Math.max(2.5 * baseline, baseline + 20);
        double highLimit = Math.max(factor * baseline, baseline + floorMs);
        double stayLimit = Math.max(0.6 * factor * baseline, baseline + 0.6 * floorMs);
        for (int i = Math.max(WINDOW, Series.BASELINE_MIN); i + WINDOW <= n; i++) {
            double before = Robust.median(java.util.Arrays.copyOfRange(p95, i - WINDOW, i));
            double after = Robust.median(java.util.Arrays.copyOfRange(p95, i, i + WINDOW));
            if (before > fineLimit || after < highLimit || !stays(latency, i, stayLimit)) continue;
            int onset = i;
            while (onset < i + WINDOW - 1 && p95[onset] < stayLimit) onset++;
            double[] fine = java.util.Arrays.copyOfRange(p95, 0, onset);
            double[] high = java.util.Arrays.copyOfRange(p95, onset, Math.min(n, onset + 2 * WINDOW));
            return Optional.of(new Jump(latency.get(onset - 1), latency.get(onset), Robust.quantile(fine, 0.1),
                    Robust.quantile(fine, 0.9), Robust.quantile(high, 0.25)));
        }
        return Optional.empty();
    }

    /** Whether most seconds from {@code from} on, at no fewer users, are at or above {@code limit}. */
    private static boolean stays(List<Second> latency, int from, double limit) {
        int users = latency.get(from).users();
        List<Second> rest = new ArrayList<>();
        for (int j = from; j < latency.size(); j++) {
            if (latency.get(j).users() >= users) rest.add(latency.get(j));
        }
        long high = rest.stream().filter(second -> second.p95Ms() >= limit).count();
        return rest.size() >= WINDOW && high >= STAYS * rest.size();
    }

    /** {@code fine (40-60 ms) up to 360 users, then 900 ms+ at 380 users}, or by time when the users did not change. */
    String describe() {
        String fine = "fine (" + StoryText.msRange(fineLowMs, fineHighMs) + ")";
        String high = StoryText.ms(highMs) + "+";
        if (first.users() > lastFine.users()) {
            return fine + " up to " + StoryText.users(lastFine.users()) + ", then " + high + " at "
                    + StoryText.users(first.users());
        }
        return fine + " at " + StoryText.users(first.users()) + " until " + StoryText.elapsed(first.elapsedMillis())
                + ", then " + high;
    }
}
