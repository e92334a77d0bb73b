package io.stampede.runner.testing;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Judges counts that a run drew at random in proportion to weights (each iteration, a user picks its task by
 * weight): every count lies within five standard deviations of its binomial expectation for the total drawn.
 *
 * <p>Why a band that scales with the total instead of a fixed share (±10 %): the total of a timed run depends on
 * how busy the machine is, and a fixed share is tight on a small total. At 3,000 draws on weights 5:3:1 the
 * lightest task lands outside ±10 % of its share about one run in twenty, by chance alone. Five standard
 * deviations fail a correct picker about once in 1.7 million counts, whatever the total; a picker that ignored
 * the weights (1:1:1) is caught from a few hundred draws on.
 *
 * <p>Pure: no clock, no server. The exact proportions of the picker itself are pinned, seeded, in
 * {@code WeightedPickerTest}.
 */
public final class WeightedDraws {

    private static final double STANDARD_DEVIATIONS = 5;

    private WeightedDraws() {
    }

    /**
     * @param counts   how many times each name was drawn (every name of {@code weights}, each >= 0)
     * @param weights  each name's weight, >= 1
     * @param minTotal the fewest draws that make the judgement worth anything (a few hundred)
     */
    public static void assertInProportion(Map<String, Long> counts, Map<String, Integer> weights, long minTotal) {
        assertThat(counts.keySet()).as("drawn names").containsExactlyInAnyOrderElementsOf(weights.keySet());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        double weightSum = weights.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).as("draws in all: %s", counts).isGreaterThanOrEqualTo(minTotal);
        weights.forEach((name, weight) -> {
            double share = weight / weightSum;
            double expected = total * share;
            double band = STANDARD_DEVIATIONS * Math.sqrt(total * share * (1 - share));
            assertThat((double) counts.get(name))
                    .as("%s drawn of %d draws on weights %s (expected %.0f ± %.0f)", name, total, weights, expected, band)
                    .isBetween(expected - band, expected + band);
        });
    }
}
