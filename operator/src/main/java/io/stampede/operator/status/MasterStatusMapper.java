package io.stampede.operator.status;

import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.ProgressStatus;
import io.stampede.operator.api.WorkersStatus;
import io.stampede.runner.doc.StatusDocument;

/**
 * Copies a master's {@code GET /api/v1/status} answer into the LoadTest's status: the workers and the live
 * progress (the master shapes its answer like the status). A pure function.
 */
public final class MasterStatusMapper {

    private MasterStatusMapper() {
    }

    public static void apply(LoadTestStatus status, StatusDocument master) {
        WorkersStatus workers = new WorkersStatus();
        workers.setExpected(master.workers().expected());
        workers.setConnected(master.workers().connected());
        workers.setLost(master.workers().lost());
        status.setWorkers(workers);

        StatusDocument.Progress live = master.progress();
        ProgressStatus progress = new ProgressStatus();
        progress.setUsers(live.users());
        progress.setElapsed(ElapsedText.of(live.elapsedSeconds()));
        progress.setRequests(live.requests());
        progress.setFailures(live.failures());
        progress.setRps(live.rps());
        progress.setP50Ms(live.p50Ms());
        progress.setP95Ms(live.p95Ms());
        progress.setP99Ms(live.p99Ms());
        status.setProgress(progress);

        if (master.startTime() != null && status.getStartTime() == null) {
            status.setStartTime(master.startTime().toString());
        }
    }
}
