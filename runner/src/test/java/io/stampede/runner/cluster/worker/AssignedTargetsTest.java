package io.stampede.runner.cluster.worker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When a worker's engine stops: at once on a stop asked for, after its own schedule when the plan ended. */
class AssignedTargetsTest {

    private final int[] wanted = new int[1];

    @Test
    void aStopAskedForEndsAtOnce() {
        AssignedTargets targets = new AssignedTargets(1, 10_000);
        targets.assign(List.of(3));
        assertThat(targets.wantedUsers(4_000, 100, wanted)).isTrue();
        assertThat(wanted).containsExactly(3);

        targets.end();

        assertThat(targets.wantedUsers(4_100, 100, wanted)).isFalse();
    }

    @Test
    void anOpenModelWorkerWhoseClockStartedLaterFinishesItsScheduleWhenThePlanEndedOnTheMaster() {
        AssignedTargets targets = new AssignedTargets(1, 10_000);

        targets.endAfterSchedule();

        assertThat(targets.wantedUsers(9_950, 100, wanted)).as("50 ms of its schedule left").isTrue();
        assertThat(targets.wantedUsers(10_000, 50, wanted)).isFalse();
    }

    @Test
    void aClosedModelWorkerEndsAtOnceWhenThePlanEnded() {
        AssignedTargets targets = new AssignedTargets(1, 0);
        targets.assign(List.of(2));

        targets.endAfterSchedule();

        assertThat(targets.wantedUsers(9_950, 100, wanted)).isFalse();
    }
}
