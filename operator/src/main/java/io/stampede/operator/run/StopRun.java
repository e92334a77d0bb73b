package io.stampede.operator.run;

import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.Phase;

import java.time.Instant;

/**
 * What the {@value RunAnnotations#STOP} annotation asks of a LoadTest in its current phase. Pure functions: the
 * reconciler does the I/O (asking the master, removing the annotation).
 */
public final class StopRun {

    /** What to do about a stop annotation. */
    public enum Action {
        /** No stop requested. */
        NONE,
        /** Not provisioned yet: end as Aborted at once; nothing ran. */
        ABORT_BEFORE_START,
        /** Provisioning or Running: ask the master to stop; it then reports Aborted with its summary. */
        ASK_MASTER,
        /** Already finished: nothing to stop; only remove the annotation. */
        FORGET
    }

    private StopRun() {
    }

    public static Action action(LoadTest loadTest) {
        if (!RunAnnotations.stopRequested(loadTest)) return Action.NONE;
        return switch (Phase.of(loadTest.getStatus())) {
            case Pending -> Action.ABORT_BEFORE_START;
            case Provisioning, Running -> Action.ASK_MASTER;
            case Succeeded, Failed, Error, Aborted -> Action.FORGET;
        };
    }

    /** A run stopped before it was provisioned. Changes {@code status}. */
    public static LoadTestStatus abortedBeforeStart(LoadTestStatus status, Instant now) {
        status.setPhase(Phase.Aborted.name());
        status.setMessage("stopped before it started (" + RunAnnotations.STOP + ")");
        status.setCompletionTime(now.toString());
        return status;
    }

    /** The master took the request; its next status says Aborted. */
    public static String askedMessage() {
        return "stopping: the master was asked to stop the run (" + RunAnnotations.STOP + ")";
    }

    /** The master could not be asked; the reconciler tries again at the next progress interval. */
    public static String notAskedMessage(String reason) {
        return "stop requested (" + RunAnnotations.STOP + ") but the master could not be asked: " + reason
                + "; trying again";
    }
}
