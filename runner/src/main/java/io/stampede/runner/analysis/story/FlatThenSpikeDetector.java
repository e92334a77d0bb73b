package io.stampede.runner.analysis.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Pattern#FLAT_THEN_SPIKE}: one row's p95 jumps (at least {@value #FACTOR} times its start and
 * {@value #FLOOR_MS} ms above it, and stays) while every other row with enough requests stays flat (its median p95
 * after the jump at most 1.5 times, or 20 ms above, its median before). One endpoint's query, lock or downstream
 * call gives way; the rest of the service is fine.
 */
final class FlatThenSpikeDetector {

    static final double FACTOR = 3;
    static final double FLOOR_MS = 100;
    /** Seconds with requests a row needs on each side of the jump to count as a witness that the rest stayed flat. */
    static final int WITNESS_SECONDS = 5;

    private FlatThenSpikeDetector() {
    }

    /** One entry per row that spiked alone, in the order of the given rows. */
    static List<StoryEntry> detect(List<Series> rows) {
        List<StoryEntry> entries = new ArrayList<>();
        if (rows.size() < 2) return entries;
        for (Series row : rows) {
            Optional<Jump> jump = Jump.find(row.withLatency(), FACTOR, FLOOR_MS);
            if (jump.isEmpty()) continue;
            long at = jump.get().first().elapsedMillis();
            double othersAfterMs = 0;
            int witnesses = 0;
            boolean othersFlat = true;
            for (Series other : rows) {
                if (other == row) continue;
                List<Second> before = other.withLatency().stream().filter(s -> s.elapsedMillis() < at).toList();
                List<Second> after = other.withLatency().stream().filter(s -> s.elapsedMillis() >= at).toList();
                if (before.size() < WITNESS_SECONDS || after.size() < WITNESS_SECONDS) continue;
                double medianBefore = Robust.median(Series.values(before, Second::p95Ms));
                double medianAfter = Robust.median(Series.values(after, Second::p95Ms));
                witnesses++;
                othersAfterMs = Math.max(othersAfterMs, medianAfter);
                othersFlat &= medianAfter <= Math.max(1.5 * medianBefore, medianBefore + 20);
            }
            if (witnesses == 0 || !othersFlat) continue;
            String others = witnesses == 1 ? "the other row" : "the " + witnesses + " other rows";
            entries.add(new StoryEntry(Pattern.FLAT_THEN_SPIKE, row.row(), jump.get().first().point(),
                    "p95 " + jump.get().describe() + ", while " + others + " stayed flat (p95 "
                            + StoryText.ms(othersAfterMs) + " or less)"));
        }
        return entries;
    }
}
