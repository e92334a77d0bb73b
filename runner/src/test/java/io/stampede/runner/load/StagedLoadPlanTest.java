package io.stampede.runner.load;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StagedLoadPlanTest {

    /** Ramp to 50 in 1 min, hold 3 min, down to 0 in 30 s: the contract's commented example. */
    private final StagedLoadPlan plan = new StagedLoadPlan(List.of(
            new Stage(60_000, 50), new Stage(180_000, 50), new Stage(30_000, 0)), Double.POSITIVE_INFINITY);

    @Test
    void firstStageRampsLinearlyFromZero() {
        assertThat(plan.targetUsersAt(0)).isZero();
        assertThat(plan.targetUsersAt(30_000)).isEqualTo(25);
        assertThat(plan.targetUsersAt(59_999)).isEqualTo(50);
        assertThat(plan.targetUsersAt(60_000)).isEqualTo(50);
    }

    @Test
    void laterStagesMoveFromThePreviousTarget() {
        assertThat(plan.targetUsersAt(150_000)).isEqualTo(50);
        assertThat(plan.targetUsersAt(240_000 + 15_000)).isEqualTo(25);
        assertThat(plan.targetUsersAt(270_000)).isZero();
    }

    @Test
    void holdsTheLastTargetPastTheEnd() {
        StagedLoadPlan up = new StagedLoadPlan(List.of(new Stage(10_000, 8)), 4);
        assertThat(up.targetUsersAt(50_000)).isEqualTo(8);
    }

    @Test
    void reportsDurationPeakAndSpawnRate() {
        assertThat(plan.durationMillis()).isEqualTo(270_000);
        assertThat(plan.peakUsers()).isEqualTo(50);
        assertThat(plan.spawnRatePerSecond()).isInfinite();
        assertThat(new StagedLoadPlan(List.of(new Stage(1000, 3)), 5).spawnRatePerSecond()).isEqualTo(5.0);
    }

    @Test
    void rejectsPlansThatNeverRunAUser() {
        assertThatThrownBy(() -> new StagedLoadPlan(List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StagedLoadPlan(List.of(new Stage(1000, 0)), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Stage(0, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
