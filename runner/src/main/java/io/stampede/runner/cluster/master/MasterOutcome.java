package io.stampede.runner.cluster.master;

import io.stampede.runner.ExitCode;
import io.stampede.runner.engine.health.GeneratorHealth;

import java.util.List;

/**
 * How a distributed run ended, from the master's side (the measurements are in the aggregator).
 *
 * @param started          whether users ever started; false when the run could not happen
 * @param startEpochMillis when users started
 * @param endEpochMillis   when the last worker finished or was given up
 * @param abortReason      why the run was stopped early ({@code interrupted}, {@code stopped through the API}),
 *                         or null when it was not
 * @param error            why the run could not happen or could not complete (too few workers), or null
 * @param errorExitCode    the exit code for {@code error}: BAD_INPUT or COULD_NOT_RUN; null without an error
 * @param lostWorkers      in the order they were lost
 * @param workers          every worker that finished, with how it kept up
 * @param saturatedSeconds elapsed seconds (1 = the first) in which a worker's generator reported itself saturated:
 *                         latencies there include its own queueing; ascending
 */
public record MasterOutcome(boolean started, long startEpochMillis, long endEpochMillis, String abortReason,
                            String error, ExitCode errorExitCode, List<LostWorker> lostWorkers,
                            List<WorkerReport> workers, long duplicateSnapshots, long lateSnapshots,
                            List<Long> saturatedSeconds) {

    public MasterOutcome {
        lostWorkers = List.copyOf(lostWorkers);
        workers = List.copyOf(workers);
        saturatedSeconds = List.copyOf(saturatedSeconds);
    }

    /** Stopped early: interrupted, or through the stop endpoint. */
    public boolean aborted() {
        return abortReason != null;
    }

    public boolean failed() {
        return error != null;
    }

    /** @param generator null when the worker was lost before it finished */
    public record WorkerReport(String worker, long intervals, GeneratorHealth generator) {
    }
}
