package io.stampede.runner.engine;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a user picks its next task: in proportion to the weights. Seeded, so each test draws the same sequence
 * every run: the outcome is certain, not a matter of luck.
 */
class WeightedPickerTest {

    @Test
    void drawsFiveToThreeToOneWithinHalfAPercentOfTheTotal() {
        WeightedPicker picker = new WeightedPicker(new int[] {5, 3, 1});
        SplittableRandom random = new SplittableRandom(20261206);
        long[] counts = new long[3];
        int draws = 90_000;
        for (int i = 0; i < draws; i++) counts[picker.pickRandom(random)]++;

        // Expected 50,000 / 30,000 / 10,000; one standard deviation is about 150 / 140 / 95 draws.
        assertThat(counts[0]).isBetween(49_550L, 50_450L);
        assertThat(counts[1]).isBetween(29_550L, 30_450L);
        assertThat(counts[2]).isBetween(9_550L, 10_450L);
    }

    @Test
    void aWeightOfOneAmongHeavyOnesIsStillDrawn() {
        WeightedPicker picker = new WeightedPicker(new int[] {30, 1});
        SplittableRandom random = new SplittableRandom(7);
        long light = 0;
        for (int i = 0; i < 3_100; i++) {
            if (picker.pickRandom(random) == 1) light++;
        }

        assertThat(light).isBetween(50L, 150L);
    }

    @Test
    void aSingleTaskIsAlwaysPickedWithoutDrawing() {
        WeightedPicker picker = new WeightedPicker(new int[] {4});
        SplittableRandom random = new SplittableRandom(1);
        long before = new SplittableRandom(1).nextLong();

        for (int i = 0; i < 10; i++) assertThat(picker.pickRandom(random)).isZero();
        assertThat(random.nextLong()).as("the random source was not used").isEqualTo(before);
    }

    @Test
    void refusesNoWeightsAndWeightsBelowOne() {
        assertThatThrownBy(() -> new WeightedPicker(new int[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeightedPicker(new int[] {2, 0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight must be >= 1");
    }
}
