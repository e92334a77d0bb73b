package io.stampede.runner.scenario.compile;

import io.stampede.runner.scenario.WaitPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PresetTest {

    @Test
    void presetsMatchTheContract() {
        assertThat(Preset.SMOKE).extracting(Preset::users, Preset::durationMillis).containsExactly(1, 30_000L);
        assertThat(Preset.BASIC).extracting(Preset::users, Preset::spawnRatePerSecond, Preset::durationMillis)
                .containsExactly(10, 2.0, 120_000L);
        assertThat(Preset.SPIKE).extracting(Preset::users, Preset::spawnRatePerSecond, Preset::durationMillis)
                .containsExactly(100, 100.0, 60_000L);
        assertThat(Preset.ENDURANCE).extracting(Preset::users, Preset::durationMillis)
                .containsExactly(20, 600_000L);
    }

    @Test
    void onlySpikeChangesTheWaits() {
        assertThat(Preset.SPIKE.waitOverride()).isEqualTo(new WaitPlan.Between(100, 500));
        assertThat(Preset.BASIC.waitOverride()).isNull();
    }

    @Test
    void findsPresetsByTheirFileNameAndStressIsAStressBlockNotAConstantLoad() {
        assertThat(Preset.byName("spike")).contains(Preset.SPIKE);
        assertThat(Preset.byName("stress")).isEmpty();
        assertThat(Preset.STRESS).isEqualTo("stress");
        assertThat(Preset.names()).containsExactly("smoke", "basic", "spike", "endurance");
    }
}
