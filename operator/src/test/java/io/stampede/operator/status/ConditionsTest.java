package io.stampede.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.stampede.operator.api.LoadTestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionsTest {

    private static final Instant T1 = Instant.parse("2026-11-22T04:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-22T04:05:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // phase,     Ready, Reconciling, Stalled, Running, Completed, ThresholdsPassed, its reason
            "Pending,      False, True,  False, False, False, Unknown, NotEvaluated",
            "Provisioning, False, True,  False, False, False, Unknown, NotEvaluated",
            "Running,      False, True,  False, True,  False, Unknown, NotEvaluated",
            "Succeeded,    True,  False, False, False, True,  True,    AllHeld",
            "Failed,       False, False, True,  False, True,  False,   Breached",
            "Error,        False, False, True,  False, False, Unknown, NotEvaluated",
            "Aborted,      False, False, True,  False, False, Unknown, NotEvaluated",
    })
    void eachPhaseSetsTheConditionsToolsFollow(String phase, String ready, String reconciling, String stalled,
                                               String running, String completed, String thresholds, String reason) {
        LoadTestStatus status = status(phase, 1L);

        Conditions.derive(status, 1, T1);

        assertThat(value(status, "Ready")).isEqualTo(ready);
        assertThat(value(status, "Reconciling")).isEqualTo(reconciling);
        assertThat(value(status, "Stalled")).isEqualTo(stalled);
        assertThat(value(status, "Running")).isEqualTo(running);
        assertThat(value(status, "Completed")).isEqualTo(completed);
        assertThat(value(status, "ThresholdsPassed")).isEqualTo(thresholds);
        assertThat(Conditions.find(status, "ThresholdsPassed").getReason()).isEqualTo(reason);
        assertThat(Conditions.find(status, "Ready").getReason()).isEqualTo(phase);
        assertThat(Conditions.find(status, "Ready").getMessage()).isEqualTo("message of " + phase);
        assertThat(status.getConditions()).extracting(Condition::getObservedGeneration).containsOnly(1L);
    }

    @Test
    void aConditionKeepsItsTransitionTimeWhileItsStatusStays() {
        LoadTestStatus status = status("Provisioning", 1L);
        Conditions.derive(status, 1, T1);

        status.setPhase("Running");
        Conditions.derive(status, 1, T2);

        Condition reconciling = Conditions.find(status, "Reconciling");
        assertThat(reconciling.getStatus()).isEqualTo("True");
        assertThat(reconciling.getReason()).isEqualTo("Running");
        assertThat(reconciling.getLastTransitionTime()).isEqualTo("2026-11-22T04:00:00Z");
        Condition running = Conditions.find(status, "Running");
        assertThat(running.getStatus()).isEqualTo("True");
        assertThat(running.getLastTransitionTime()).isEqualTo("2026-11-22T04:05:00Z");
        assertThat(status.getConditions()).extracting(Condition::getType).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void theSpecChangingDuringARunIsReportedAsApplyingToTheNextRun() {
        LoadTestStatus status = status("Running", 1L);
        status.setRun(1);

        Conditions.specChanged(status, 2, T1);

        Condition changed = Conditions.find(status, "SpecChanged");
        assertThat(changed.getStatus()).isEqualTo("True");
        assertThat(changed.getReason()).isEqualTo("AppliesToNextRun");
        assertThat(changed.getMessage()).isEqualTo("generation 2 changed the spec during run 1 (generation 1); "
                + "this run goes on as it started and the new spec runs when it ends");
        assertThat(changed.getLastTransitionTime()).isEqualTo("2026-11-22T04:00:00Z");
    }

    @Test
    void specChangedIsRemovedWhenTheRunMatchesTheSpecOrHasEnded() {
        LoadTestStatus running = status("Running", 1L);
        running.setRun(1);
        Conditions.specChanged(running, 2, T1);

        Conditions.specChanged(running, 1, T2);
        LoadTestStatus ended = status("Succeeded", 1L);
        Conditions.specChanged(ended, 2, T2);

        assertThat(Conditions.find(running, "SpecChanged")).isNull();
        assertThat(Conditions.find(ended, "SpecChanged")).isNull();
    }

    private static LoadTestStatus status(String phase, Long generation) {
        LoadTestStatus status = new LoadTestStatus();
        status.setPhase(phase);
        status.setObservedGeneration(generation);
        status.setMessage("message of " + phase);
        return status;
    }

    private static String value(LoadTestStatus status, String type) {
        Condition condition = Conditions.find(status, type);
        assertThat(condition).as(type).isNotNull();
        return condition.getStatus();
    }
}
