package io.stampede.runner.model;

import io.stampede.runner.model.spec.LoadSpec;
import io.stampede.runner.model.spec.StressSpec;
import io.stampede.runner.model.spec.StressSpec.Steps;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code spec.load.stress} and {@code preset: stress} as the contract writes them, and bad input with its path. */
class StressLoadParsingTest {

    private static LoadSpec load(String load) throws Exception {
        return LoadTestParser.parse("""
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                metadata: {name: t}
                spec:
                  target: http://127.0.0.1:8080
                  load: %s
                  userClasses: [{name: u, tasks: [{request: {method: GET, path: /}}]}]
                """.formatted(load)).spec().load();
    }

    private static void rejects(String load, String path, String message) {
        assertThatThrownBy(() -> load(load))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem(path, message)));
    }

    @Test
    void readsTheContractsStressBlock() throws Exception {
        LoadSpec load = load("{spawnRate: 25, stress: {users: {start: 50, step: 50, max: 500}, every: 1m, "
                + "breakOn: thresholds}}");

        assertThat(load.stress()).isEqualTo(new StressSpec(new Steps(50, 50, 500), null, Duration.ofMinutes(1),
                "thresholds"));
        assertThat(load.spawnRate()).isEqualTo(25.0);
    }

    @Test
    void absentFieldsTakeTheDefaultsOfPresetStress() throws Exception {
        assertThat(load("{stress: {}}").stress()).isEqualTo(StressSpec.DEFAULTS);
        assertThat(load("{stress: {every: 30s}}").stress())
                .isEqualTo(new StressSpec(new Steps(50, 50, 500), null, Duration.ofSeconds(30), "thresholds"));
        assertThat(StressSpec.DEFAULTS).isEqualTo(new StressSpec(new Steps(50, 50, 500), null,
                Duration.ofMinutes(1), "thresholds"));
    }

    @Test
    void presetStressStandsForTheBlockWithItsDefaults() throws Exception {
        LoadSpec load = load("{preset: stress}");

        assertThat(load.preset()).isEqualTo("stress");
        assertThat(load.stress()).isEqualTo(StressSpec.DEFAULTS);
        assertThat(load("{preset: stress, stress: {users: {start: 10, step: 10, max: 100}}}").stress().users())
                .isEqualTo(new Steps(10, 10, 100));
    }

    @Test
    void rateStepsAreReadButRefusedForNow() {
        rejects("{stress: {rate: {start: 100, step: 100, max: 5000}}}", "spec.load.stress.rate",
                "rate steps are not run yet (a stress run steps users; for a steady arrival rate use "
                        + "spec.load.arrivalRate); step the users instead, "
                        + "such as users: {start: 50, step: 50, max: 500}");
        assertThatThrownBy(() -> load("{stress: {rate: {start: 100, step: 0, max: 5000}}}"))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("spec.load.stress.rate.step", "spec.load.stress.rate"));
    }

    @Test
    void badStepsAreReportedAtTheirPath() {
        rejects("{stress: {users: {start: 0, step: 50, max: 500}}}", "spec.load.stress.users.start",
                "must be at least 1, got 0");
        rejects("{stress: {users: {start: 100, step: 50, max: 50}}}", "spec.load.stress.users.max",
                "must be at least start (100), got 50");
        rejects("{stress: {users: {start: 50, max: 500}}}", "spec.load.stress.users.step",
                "is required: the users added at each step, such as 50");
        rejects("{stress: {users: {start: 50, stpe: 5, step: 5, max: 500}}}", "spec.load.stress.users.stpe",
                "unknown field 'stpe' (did you mean 'step'?); allowed fields: start, step, max");
        rejects("{stress: {users: 50}}", "spec.load.stress.users", "expected a map (key: value), got the integer 50");
    }

    @Test
    void everyAndBreakOnAreChecked() {
        rejects("{stress: {every: 500ms}}", "spec.load.stress.every",
                "must be at least 1s (each step is judged over its own seconds), got 500ms");
        rejects("{stress: {breakOn: errors}}", "spec.load.stress.breakOn",
                "expected 'thresholds' (the file's thresholds, each judged over each step alone), got 'errors'");
        rejects("{stress: {users: {start: 1, step: 1, max: 2}, rate: {start: 1, step: 1, max: 2}}}",
                "spec.load.stress.rate", "cannot be combined with users: step either the users (closed model) or "
                        + "the rate (open model)");
    }

    @Test
    void aStressRunSetsTheUsersItself() {
        String message = "cannot be combined with a stress run: it steps the users itself (load.stress.users) and "
                + "runs until a step breaks or its last step ends";
        rejects("{users: 10, stress: {}}", "spec.load.users", message);
        rejects("{duration: 5m, stress: {}}", "spec.load.duration", message);
        rejects("{stages: [{duration: 1m, users: 5}], stress: {}}", "spec.load.stages", message);
        rejects("{preset: spike, stress: {}}", "spec.load.stress", "cannot be combined with the preset 'spike': "
                + "remove one (preset: stress is this block with its defaults)");
    }
}
