package io.stampede.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.ProgressStatus;
import io.stampede.operator.api.WorkersStatus;

/**
 * Copies a master's {@code GET /api/v1/status} answer into the LoadTest's status: the workers and the live
 * progress, field by field (the master shapes its answer like the contract's status). A pure function.
 */
public final class MasterStatusMapper {

    private MasterStatusMapper() {
    }

    public static void apply(LoadTestStatus status, JsonNode master) {
        JsonNode workers = master.path("workers");
        WorkersStatus workersStatus = new WorkersStatus();
        workersStatus.setExpected(workers.path("expected").asInt());
        workersStatus.setConnected(workers.path("connected").asInt());
        workersStatus.setLost(workers.path("lost").asInt());
        status.setWorkers(workersStatus);

        JsonNode live = master.path("progress");
        ProgressStatus progress = new ProgressStatus();
        progress.setUsers(live.path("users").asInt());
        progress.setElapsed(ElapsedText.of(live.path("elapsedSeconds").asDouble()));
        progress.setRequests(live.path("requests").asLong());
        progress.setFailures(live.path("failures").asLong());
        progress.setRps(live.path("rps").asDouble());
        progress.setP50Ms(live.path("p50Ms").asDouble());
        progress.setP95Ms(live.path("p95Ms").asDouble());
        progress.setP99Ms(live.path("p99Ms").asDouble());
        status.setProgress(progress);

        String startTime = master.path("startTime").asText(null);
        if (startTime != null && !startTime.isBlank() && status.getStartTime() == null) status.setStartTime(startTime);
    }
}
