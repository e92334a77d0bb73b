package io.stampede.operator.progress;

import io.stampede.runner.doc.ReportDocument;
import io.stampede.runner.doc.StatusDocument;

import java.time.Instant;

/**
 * What the operator last learned from a run's master, read off the reconcile thread by {@link MasterPoller}.
 * Two observations are equal when they say the same, so polling a master whose answers do not change triggers
 * no reconcile.
 *
 * @param run          the run the master belongs to ({@code status.run} when it was read)
 * @param status       the last answer of {@code GET /api/v1/status}; null while the master never answered
 * @param report       {@code GET /api/v1/report} once the master's phase is final; null before (or when the master
 *                     has no report: a run that could not start)
 * @param error        why the last read failed; null when it succeeded
 * @param failingSince when reads started failing; null when the last read succeeded
 */
public record MasterObservation(int run, StatusDocument status, ReportDocument report, String error,
                                Instant failingSince) {

    /** The master's phase name, or null when it never answered. */
    public String masterPhase() {
        return status == null ? null : status.phase();
    }

    /** Whether the master has finished and said how: its status shows a final phase. */
    public boolean finished() {
        return isFinal(masterPhase());
    }

    /** Whether a master's phase name is one it ends in. */
    static boolean isFinal(String masterPhase) {
        return masterPhase != null && switch (masterPhase) {
            case "Succeeded", "Failed", "Error", "Aborted" -> true;
            default -> false;
        };
    }
}
