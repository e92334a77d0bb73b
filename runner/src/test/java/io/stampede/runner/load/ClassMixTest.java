package io.stampede.runner.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassMixTest {

    private static int[] counts(ClassMix mix) {
        int[] out = new int[mix.classes()];
        mix.countsInto(out);
        return out;
    }

    @Test
    void splitsSevenUsersOnWeightsSixToOneAsSixAndOne() {
        assertThat(counts(new ClassMix(new int[] {6, 1}).moveTo(7))).containsExactly(6, 1);
    }

    @Test
    void keepsEveryClassWithinOneUserOfItsShareAtEveryTotal() {
        int[] weights = {5, 3, 1};
        ClassMix mix = new ClassMix(weights);
        for (int total = 0; total <= 200; total++) {
            int[] counts = counts(mix.moveTo(total));
            for (int i = 0; i < weights.length; i++) {
                assertThat((double) counts[i]).as("class %d of %d users", i, total)
                        .isBetween(total * weights[i] / 9.0 - 1, total * weights[i] / 9.0 + 1);
            }
        }
    }

    @Test
    void oneUserMoreChangesExactlyOneClassByOne() {
        ClassMix mix = new ClassMix(new int[] {2, 7, 4});
        int[] before = counts(mix);
        for (int total = 1; total <= 100; total++) {
            int[] after = counts(mix.moveTo(total));
            int changed = 0;
            for (int i = 0; i < after.length; i++) {
                assertThat(after[i] - before[i]).isBetween(0, 1);
                changed += after[i] - before[i];
            }
            assertThat(changed).isEqualTo(1);
            before = after;
        }
    }

    @Test
    void rampingDownStopsTheUsersStartedLastSoTheSplitDependsOnlyOnTheTotal() {
        ClassMix wandering = new ClassMix(new int[] {3, 2});
        wandering.moveTo(40).moveTo(7).moveTo(23).moveTo(11);
        ClassMix direct = new ClassMix(new int[] {3, 2}).moveTo(11);

        assertThat(counts(wandering)).containsExactly(counts(direct));
        for (int k = 0; k < 11; k++) {
            assertThat(wandering.classAt(k)).isEqualTo(direct.classAt(k));
        }
    }

    @Test
    void rejectsWeightsBelowOneAndNegativeTotals() {
        assertThatThrownBy(() -> new ClassMix(new int[] {1, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClassMix(new int[] {1}).moveTo(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
