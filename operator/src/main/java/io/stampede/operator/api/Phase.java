package io.stampede.operator.api;

/** The phases of a LoadTest, as {@code status.phase} spells them. */
public enum Phase {
    /** Accepted; waiting to be provisioned (or for a free slot under the namespace's cap). */
    Pending,
    /** Pods and Jobs created; waiting for the master and its workers. */
    Provisioning,
    /** Users are running. */
    Running,
    /** The run completed and every threshold held. */
    Succeeded,
    /** The run completed and a threshold was breached. */
    Failed,
    /** It could not run as asked: invalid spec, target refused, pods that could not start, master lost. */
    Error,
    /** Stopped by the user before its end. */
    Aborted;

    public boolean isFinished() {
        return this == Succeeded || this == Failed || this == Error || this == Aborted;
    }

    public boolean isActive() {
        return this == Provisioning || this == Running;
    }

    /** The phase a status names; null (no status yet) or an unknown name reads as Pending. */
    public static Phase of(LoadTestStatus status) {
        if (status == null || status.getPhase() == null) return Pending;
        for (Phase phase : values()) {
            if (phase.name().equals(status.getPhase())) return phase;
        }
        return Pending;
    }
}
