package io.stampede.runner.cluster.master;

/** Where the master is; the status API shows the names of the contract's phases. */
public enum MasterPhase {
    /** Waiting for the expected workers to register and get ready. */
    PENDING("Pending"),
    /** Users are running. */
    RUNNING("Running"),
    /** Users are stopping; waiting for every worker's last snapshot. */
    STOPPING("Running"),
    /** Every worker finished (or was lost); the results are final. */
    DONE("Completed");

    private final String statusName;

    MasterPhase(String statusName) {
        this.statusName = statusName;
    }

    public String statusName() {
        return statusName;
    }
}
