package io.stampede.runner.cluster.master;

import java.util.List;

/**
 * The master's state as the status API and the console show it: an immutable picture, replaced every tick.
 *
 * @param startEpochMillis when users started; 0 before
 * @param elapsedMillis    since users started; 0 before
 * @param connectedWorkers workers registered and not lost (finished ones included)
 * @param users            users running now, as the workers last reported
 * @param workers          every worker that registered, lost ones included
 */
public record MasterStatus(MasterPhase phase, long startEpochMillis, long elapsedMillis, int expectedWorkers,
                           int connectedWorkers, List<LostWorker> lostWorkers, int users, List<WorkerView> workers) {

    public MasterStatus {
        lostWorkers = List.copyOf(lostWorkers);
        workers = List.copyOf(workers);
    }

    /**
     * @param state   registered, ready, running, finished or lost
     * @param warning the worker's latest generator warning, or ""
     */
    public record WorkerView(String worker, String state, int users, String warning) {
    }
}
