package io.stampede.runner.cluster.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.runner.cluster.master.LostWorker;
import io.stampede.runner.cluster.master.MasterStatus;
import io.stampede.runner.stats.LiveRow;
import io.stampede.runner.stats.LiveView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * {@code GET /api/v1/status}: the master's phase, its workers and the live totals, shaped like the contract's
 * cluster status ({@code workers}, {@code progress}) so the operator maps it field by field:
 * <pre>
 * {"phase": "Pending|Running|Succeeded|Failed|Error|Aborted", "startTime" (ISO-8601 or null), "message",
 *  "workers": {"expected", "connected", "lost", "lostWorkers": [{"worker", "lostAt", "elapsedSeconds",
 *              "reason", "users"}], "list": [{"worker", "state", "users", "warning"}]},
 *  "progress": {"users", "elapsedSeconds", "requests", "failures", "rps", "p50Ms", "p95Ms", "p99Ms"}}
 * </pre>
 * {@code rps} is over the last 10 s; percentiles are over the whole run so far. A pure function of its inputs.
 */
public final class StatusJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatusJson() {
    }

    /**
     * @param live  null before users started
     * @param result null until the reports are written
     */
    public static ObjectNode of(MasterStatus status, LiveView live, FinalResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("phase", result != null ? result.phase() : status.phase().statusName());
        if (status.startEpochMillis() > 0) root.put("startTime", Instant.ofEpochMilli(status.startEpochMillis()).toString());
        else root.putNull("startTime");
        root.put("message", result != null ? result.message() : "");
        ObjectNode workers = root.putObject("workers");
        workers.put("expected", status.expectedWorkers());
        workers.put("connected", status.connectedWorkers());
        workers.put("lost", status.lostWorkers().size());
        ArrayNode lost = workers.putArray("lostWorkers");
        for (LostWorker worker : status.lostWorkers()) {
            lost.addObject().put("worker", worker.worker())
                    .put("lostAt", Instant.ofEpochMilli(worker.atEpochMillis()).toString())
                    .put("elapsedSeconds", round(worker.elapsedMillis() / 1000.0))
                    .put("reason", worker.reason()).put("users", worker.users());
        }
        ArrayNode list = workers.putArray("list");
        for (MasterStatus.WorkerView worker : status.workers()) {
            list.addObject().put("worker", worker.worker()).put("state", worker.state()).put("users", worker.users())
                    .put("warning", worker.warning());
        }
        ObjectNode progress = root.putObject("progress");
        progress.put("users", status.users());
        progress.put("elapsedSeconds", round(status.elapsedMillis() / 1000.0));
        LiveRow total = live == null ? null : live.aggregate();
        progress.put("requests", total == null ? 0 : total.requests());
        progress.put("failures", total == null ? 0 : total.failures());
        progress.put("rps", total == null ? 0 : round(total.currentRps()));
        progress.put("p50Ms", total == null ? 0 : round(total.p50Ms()));
        progress.put("p95Ms", total == null ? 0 : round(total.p95Ms()));
        progress.put("p99Ms", total == null ? 0 : round(total.p99Ms()));
        return root;
    }

    private static double round(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue() : 0;
    }
}
