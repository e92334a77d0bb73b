package io.stampede.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.Phase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * kstatus-style conditions derived from the phase, so that Argo CD, Flux and {@code kubectl wait} can follow a
 * LoadTest:
 * <ul>
 * <li>{@code Ready}: True once the run succeeded; False (reason: the phase) before and after any other end.</li>
 * <li>{@code Reconciling}: True while the run is pending, provisioning or running (kstatus: in progress).</li>
 * <li>{@code Stalled}: True when it ended without success: Failed, Error or Aborted (kstatus: failed).</li>
 * <li>{@code Running}: True while users run.</li>
 * <li>{@code Completed}: True when the run completed (Succeeded or Failed); False for Error and Aborted.</li>
 * <li>{@code ThresholdsPassed}: True or False after a completed run; Unknown before.</li>
 * <li>{@code SpecChanged}: True when the spec changed during a run (it applies to the next run).</li>
 * </ul>
 * A condition's lastTransitionTime changes only when its status does. Pure functions of their inputs.
 */
public final class Conditions {

    public static final String READY = "Ready";
    public static final String RECONCILING = "Reconciling";
    public static final String STALLED = "Stalled";
    public static final String RUNNING = "Running";
    public static final String COMPLETED = "Completed";
    public static final String THRESHOLDS_PASSED = "ThresholdsPassed";
    public static final String SPEC_CHANGED = "SpecChanged";

    private Conditions() {
    }

    /** Sets every phase-derived condition of {@code status} from its phase and message. */
    public static void derive(LoadTestStatus status, long generation, Instant now) {
        Phase phase = Phase.of(status);
        String message = status.getMessage() == null ? "" : status.getMessage();
        String reason = phase.name();
        set(status, READY, phase == Phase.Succeeded, reason, message, generation, now);
        set(status, RECONCILING, !phase.isFinished(), reason, message, generation, now);
        set(status, STALLED, phase == Phase.Failed || phase == Phase.Error || phase == Phase.Aborted, reason, message,
                generation, now);
        set(status, RUNNING, phase == Phase.Running, reason, message, generation, now);
        set(status, COMPLETED, phase == Phase.Succeeded || phase == Phase.Failed, reason, message, generation, now);
        if (phase == Phase.Succeeded || phase == Phase.Failed) {
            set(status, THRESHOLDS_PASSED, phase == Phase.Succeeded,
                    phase == Phase.Succeeded ? "AllHeld" : "Breached", message, generation, now);
        } else {
            put(status, THRESHOLDS_PASSED, "Unknown", "NotEvaluated", "no verdict yet", generation, now);
        }
    }

    /** Reports whether the spec changed during the run: True with a message, or removed. */
    public static void specChanged(LoadTestStatus status, long generation, Instant now) {
        Long running = status.getObservedGeneration();
        if (running != null && running != generation && !Phase.of(status).isFinished()) {
            put(status, SPEC_CHANGED, "True", "AppliesToNextRun", "generation " + generation
                    + " changed the spec during run " + status.getRun() + " (generation " + running
                    + "); this run goes on as it started and the new spec runs when it ends", running, now);
        } else {
            status.getConditions().removeIf(c -> SPEC_CHANGED.equals(c.getType()));
        }
    }

    public static Condition find(LoadTestStatus status, String type) {
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    private static void set(LoadTestStatus status, String type, boolean value, String reason, String message,
                            long generation, Instant now) {
        put(status, type, value ? "True" : "False", reason, message, generation, now);
    }

    static void put(LoadTestStatus status, String type, String value, String reason, String message,
                            long generation, Instant now) {
        if (status.getConditions() == null) status.setConditions(new ArrayList<>());
        List<Condition> conditions = status.getConditions();
        Condition old = find(status, type);
        String since = old != null && value.equals(old.getStatus()) ? old.getLastTransitionTime() : now.toString();
        Condition fresh = new ConditionBuilder().withType(type).withStatus(value).withReason(reason)
                .withMessage(message).withObservedGeneration(generation).withLastTransitionTime(since).build();
        if (old == null) conditions.add(fresh);
        else conditions.set(conditions.indexOf(old), fresh);
    }
}
