package io.stampede.runner.cluster.master;

import io.stampede.runner.load.ArrivalRatePlan;
import io.stampede.runner.load.ArrivalShare;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The open model's split over workers: pure, no servers, no clocks. */
class ArrivalAssignmentTest {

    /** Which worker takes arrival k under each worker's list of shares (the last share with fromArrival <= k). */
    private static int[] owners(List<List<ArrivalShare>> byWorker, long total) {
        int[] owner = new int[(int) total];
        java.util.Arrays.fill(owner, -1);
        for (int w = 0; w < byWorker.size(); w++) {
            List<ArrivalShare> shares = byWorker.get(w);
            for (int k = 0; k < total; k++) {
                ArrivalShare inForce = null;
                for (ArrivalShare share : shares) if (share.fromArrival() <= k) inForce = share;
                if (inForce != null && inForce.takesAny() && k >= inForce.first()
                        && (k - inForce.first()) % inForce.stride() == 0) {
                    assertThat(owner[k]).as("arrival %d taken twice", k).isEqualTo(-1);
                    owner[k] = w;
                }
            }
        }
        return owner;
    }

    @Test
    void twoHundredPerSecondOverThreeWorkersIsAThirdEachAndEveryArrivalOnce() {
        ArrivalRatePlan plan = ArrivalRatePlan.constant(200, 15_000, 500);
        List<ArrivalShare> shares = ArrivalAssignment.split(0, 3, plan.maxUsers());

        assertThat(shares).extracting(ArrivalShare::maxUsers).containsExactly(167, 167, 166);
        assertThat(shares).extracting(share -> share.countBefore(plan.totalArrivals())).containsExactly(1000L, 1000L, 1000L);
        int[] owner = owners(shares.stream().map(List::of).toList(), plan.totalArrivals());
        assertThat(owner).doesNotContain(-1);
        // In turn: every worker's arrivals are 15 ms apart, the run's 5 ms, all on the one schedule.
        assertThat(new int[]{owner[0], owner[1], owner[2], owner[3]}).containsExactly(0, 1, 2, 0);
    }

    @Test
    void everyStageIsSplitByTheSameRatio() {
        ArrivalRatePlan plan = new ArrivalRatePlan(List.of(new ArrivalRatePlan.Segment(4000, 0, 100),
                new ArrivalRatePlan.Segment(6000, 100, 100)), 40);
        List<ArrivalShare> shares = ArrivalAssignment.split(0, 2, 40);
        long rampEnd = plan.firstArrivalAtOrAfter(4_000_000_000L);

        assertThat(rampEnd).isEqualTo(200);
        assertThat(shares).extracting(share -> share.countBefore(rampEnd)).containsExactly(100L, 100L);
        assertThat(shares).extracting(share -> share.countBefore(plan.totalArrivals()) - share.countBefore(rampEnd))
                .containsExactly(300L, 300L);
    }

    @Test
    void maxUsersLeftoversGoToTheFirstWorkersAndSumExactly() {
        assertThat(ArrivalAssignment.split(0, 4, 10)).extracting(ArrivalShare::maxUsers).containsExactly(3, 3, 2, 2);
        assertThat(ArrivalAssignment.split(7, 4, 10)).extracting(ArrivalShare::fromArrival).containsOnly(7L);
    }

    @Test
    void withFewerMaxUsersThanWorkersOnlyWorkersWithAUserTakeArrivals() {
        List<ArrivalShare> shares = ArrivalAssignment.split(0, 3, 2);

        assertThat(shares).extracting(ArrivalShare::maxUsers).containsExactly(1, 1, 0);
        assertThat(shares).extracting(ArrivalShare::takesAny).containsExactly(true, true, false);
        assertThat(owners(shares.stream().map(List::of).toList(), 10)).doesNotContain(-1, 2);
    }

    @Test
    void aReSplitGivesTheSurvivorsEveryArrivalFromItsStartAndKeepsTheEarlierOnesWhereTheyWere() {
        List<ArrivalShare> first = ArrivalAssignment.split(0, 3, 30);
        List<ArrivalShare> after = ArrivalAssignment.split(100, 2, 30);
        List<List<ArrivalShare>> byWorker = List.of(List.of(first.get(0), after.get(0)), List.of(first.get(1), ArrivalShare.none(100)),
                List.of(first.get(2), after.get(1)));

        int[] owner = owners(byWorker, 1000);

        assertThat(owner).doesNotContain(-1);
        for (int k = 0; k < 100; k++) assertThat(owner[k]).isEqualTo(k % 3);
        for (int k = 100; k < 1000; k++) assertThat(owner[k]).isIn(0, 2);
        assertThat(after).extracting(ArrivalShare::maxUsers).containsExactly(15, 15);
        // What the lost worker was given before the re-split: arrivals 1, 4, ..., 97.
        assertThat(ArrivalAssignment.given(byWorker.get(1), 100)).isEqualTo(33);
        assertThat(ArrivalAssignment.given(byWorker.get(0), 1000)).isEqualTo(34 + 450);
    }

    @Test
    void aWorkersLoopsSplitItsShareAgainWithoutGapsOrOverlaps() {
        ArrivalShare worker = new ArrivalShare(10, 1, 3, 5);
        List<List<ArrivalShare>> loops = new ArrayList<>();
        for (int i = 0; i < 4; i++) loops.add(List.of(worker.part(i, 4)));

        assertThat(loops).extracting(l -> l.get(0).maxUsers()).containsExactly(2, 1, 1, 1);
        int[] owner = owners(loops, 200);
        for (int k = 0; k < 200; k++) {
            boolean workers = k >= 10 && (k - 10) % 3 == 1;
            assertThat(owner[k] >= 0).as("arrival %d", k).isEqualTo(workers);
        }
        assertThat(new ArrivalShare(0, 0, 1, 2).part(2, 4).takesAny()).as("more loops than users").isFalse();
    }
}
