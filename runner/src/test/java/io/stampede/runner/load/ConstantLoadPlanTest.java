package io.stampede.runner.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConstantLoadPlanTest {

    @Test
    void targetsTheSameUsersForTheWholeRun() {
        ConstantLoadPlan plan = new ConstantLoadPlan(10, 2, 120_000);
        assertThat(plan.targetUsersAt(0)).isEqualTo(10);
        assertThat(plan.targetUsersAt(60_000)).isEqualTo(10);
        assertThat(plan.targetUsersAt(120_000)).isEqualTo(10);
        assertThat(plan.peakUsers()).isEqualTo(10);
        assertThat(plan.durationMillis()).isEqualTo(120_000);
        assertThat(plan.spawnRatePerSecond()).isEqualTo(2.0);
    }

    @Test
    void rejectsImpossiblePlans() {
        assertThatThrownBy(() -> new ConstantLoadPlan(0, 1, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConstantLoadPlan(1, 0, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConstantLoadPlan(1, Double.NaN, 1000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConstantLoadPlan(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
