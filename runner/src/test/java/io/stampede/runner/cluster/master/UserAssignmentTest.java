package io.stampede.runner.cluster.master;

import io.stampede.runner.load.ClassMix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class UserAssignmentTest {

    @Test
    void spreadsEachClassEvenlySoThatTotalsStayBalanced() {
        int[][] split = UserAssignment.split(new int[] {11, 3}, 3);

        assertThat(Arrays.stream(split).mapToInt(w -> w[0] + w[1])).containsExactly(5, 5, 4);
        assertThat(split[0][0] + split[1][0] + split[2][0]).isEqualTo(11);
        assertThat(split[0][1] + split[1][1] + split[2][1]).isEqualTo(3);
    }

    @Test
    void oneUserMoreChangesOneWorkersTargetByOne() {
        ClassMix mix = new ClassMix(new int[] {2, 5, 1});
        int[] totals = new int[3];
        int[][] before = UserAssignment.split(totals, 4);
        for (int total = 1; total < 60; total++) {
            mix.moveTo(total).countsInto(totals);
            int[][] after = UserAssignment.split(totals, 4);
            int changes = 0;
            for (int w = 0; w < 4; w++) {
                for (int c = 0; c < 3; c++) changes += Math.abs(after[w][c] - before[w][c]);
            }
            assertThat(changes).as("%d users", total).isEqualTo(1);
            before = after;
        }
    }

    @Test
    void oneWorkerGetsEveryone() {
        assertThat(UserAssignment.split(new int[] {4, 3}, 1)[0]).containsExactly(4, 3);
    }

    @Test
    void everyWorkersMixFollowsTheWeightsWhenTheClassPeriodMatchesTheWorkerCount() {
        int[][] split = UserAssignment.split(new int[] {9, 3}, 2);

        assertThat(split[0]).containsExactly(5, 1);
        assertThat(split[1]).containsExactly(4, 2);
    }
}
