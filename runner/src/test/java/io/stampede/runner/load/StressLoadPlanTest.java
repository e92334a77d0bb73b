package io.stampede.runner.load;

import io.stampede.runner.engine.PlannedTargets;
import io.stampede.runner.scenario.UserClassPlan;
import io.stampede.runner.scenario.compile.Preset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StressLoadPlanTest {

    /** The contract's stress preset: +50 users every minute from 50 up to 500, 10 started per second. */
    private final StressLoadPlan preset = Preset.stressPlan(50, 50, 500, 60_000, null);

    @Test
    void stepsUpEveryMinuteToTheMaximum() {
        assertThat(preset.steps()).isEqualTo(10);
        assertThat(preset.durationMillis()).isEqualTo(600_000);
        assertThat(preset.peakUsers()).isEqualTo(500);
        assertThat(preset.spawnRatePerSecond()).isEqualTo(Preset.STRESS_SPAWN_RATE);
        assertThat(preset.targetUsersAt(0)).isEqualTo(50);
        assertThat(preset.targetUsersAt(59_999)).isEqualTo(50);
        assertThat(preset.targetUsersAt(60_000)).isEqualTo(100);
        assertThat(preset.targetUsersAt(599_999)).isEqualTo(500);
        assertThat(preset.stepAt(420_000)).isEqualTo(8);
        assertThat(preset.usersOfStep(8)).isEqualTo(400);
    }

    @Test
    void theLastStepIsTheMaximumWhenTheStepDoesNotDivideTheRange() {
        StressLoadPlan plan = new StressLoadPlan(10, 40, 100, 10_000, Double.POSITIVE_INFINITY);

        assertThat(plan.steps()).isEqualTo(4);
        assertThat(plan.usersOfStep(3)).isEqualTo(90);
        assertThat(plan.usersOfStep(4)).isEqualTo(100);
        assertThatThrownBy(() -> plan.usersOfStep(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachStepIsJudgedAfterItsNewUsersStartedAndSettled() {
        // 50 new users at 10/s take 5 s, then 5 s to settle: judged from 10 s into each step.
        assertThat(preset.judgedFromMillis(1)).isEqualTo(10_000);
        assertThat(preset.judgedFromMillis(2)).isEqualTo(70_000);
        assertThat(preset.judgedStepOfInterval(9)).isZero();
        assertThat(preset.judgedStepOfInterval(10)).isEqualTo(1);
        assertThat(preset.judgedStepOfInterval(59)).isEqualTo(1);
        assertThat(preset.judgedStepOfInterval(60)).isZero();
        assertThat(preset.judgedStepOfInterval(70)).isEqualTo(2);
        assertThat(preset.judgedStepOfInterval(600)).isZero();
        // Never more than half a step: 10 s steps whose ramp alone would take 5 s.
        assertThat(new StressLoadPlan(50, 50, 100, 10_000, 10).judgedFromMillis(2)).isEqualTo(15_000);
        // All at once: only the settling time.
        assertThat(new StressLoadPlan(50, 50, 100, 60_000, Double.POSITIVE_INFINITY).judgedFromMillis(2))
                .isEqualTo(65_000);
    }

    @Test
    void refusesImpossibleSteps() {
        assertThatThrownBy(() -> new StressLoadPlan(0, 50, 500, 60_000, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StressLoadPlan(50, 0, 500, 60_000, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StressLoadPlan(50, 50, 40, 60_000, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StressLoadPlan(50, 50, 500, 999, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StressLoadPlan(50, 50, 500, 1000, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endingTheStoppablePlanEndsTheRunAtTheControlLoopsNextLook() {
        StoppableLoadPlan plan = new StoppableLoadPlan(preset);
        PlannedTargets targets = new PlannedTargets(plan,
                List.of(new UserClassPlan("u", 1, null, List.of(), Set.of(), List.of(), List.of())));
        int[] wanted = new int[1];

        assertThat(targets.wantedUsers(0, 0, wanted)).isTrue();
        assertThat(targets.wantedUsers(420_000, 420_000, wanted)).isTrue();
        assertThat(wanted[0]).isEqualTo(400);

        plan.endAt(420_100, "broke at 400 users (p95 820ms)");
        plan.endAt(500_000, "later: ignored");

        assertThat(targets.wantedUsers(420_100, 100, wanted)).isFalse();
        assertThat(plan.durationMillis()).isEqualTo(420_100);
        assertThat(plan.endReason()).isEqualTo("broke at 400 users (p95 820ms)");
        assertThat(new StoppableLoadPlan(preset).durationMillis()).isEqualTo(600_000);
    }
}
