package io.stampede.runner.cluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.ExitCode;
import io.stampede.runner.cluster.master.LostWorker;
import io.stampede.runner.cluster.master.MasterPhase;
import io.stampede.runner.cluster.master.MasterStatus;
import io.stampede.runner.stats.LiveRow;
import io.stampede.runner.stats.LiveView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatusJsonTest {

    private static final MasterStatus RUNNING = new MasterStatus(MasterPhase.RUNNING, 1_700_000_000_000L, 12_345, 3, 2,
            List.of(new LostWorker("w2 (host-b/7)", 1_700_000_010_000L, 10_000, "connection closed", 5)), 15,
            List.of(new MasterStatus.WorkerView("w1 (host-a/6)", "running", 8, ""),
                    new MasterStatus.WorkerView("w2 (host-b/7)", "lost", 0, ""),
                    new MasterStatus.WorkerView("w3 (host-c/8)", "running", 7, "generator saturated")));

    @Test
    void showsWorkersAndProgressAsTheClusterStatusNamesThem() {
        LiveRow total = new LiveRow(null, 5000, 12, 250.4, 0.5, 12.3456, 80, 120, 20, 1, 900);

        JsonNode json = StatusJson.of(RUNNING, new LiveView(15, 12_000, List.of(), total), null);

        assertThat(json.get("phase").asText()).isEqualTo("Running");
        assertThat(json.get("startTime").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(json.at("/workers/expected").asInt()).isEqualTo(3);
        assertThat(json.at("/workers/connected").asInt()).isEqualTo(2);
        assertThat(json.at("/workers/lost").asInt()).isEqualTo(1);
        assertThat(json.at("/workers/lostWorkers/0/reason").asText()).isEqualTo("connection closed");
        assertThat(json.at("/workers/lostWorkers/0/elapsedSeconds").asDouble()).isEqualTo(10.0);
        assertThat(json.at("/workers/list/2/warning").asText()).isEqualTo("generator saturated");
        assertThat(json.at("/progress/users").asInt()).isEqualTo(15);
        assertThat(json.at("/progress/elapsedSeconds").asDouble()).isEqualTo(12.345);
        assertThat(json.at("/progress/requests").asLong()).isEqualTo(5000);
        assertThat(json.at("/progress/rps").asDouble()).isEqualTo(250.4);
        assertThat(json.at("/progress/p50Ms").asDouble()).isEqualTo(12.346);
        assertThat(json.at("/progress/p99Ms").asDouble()).isEqualTo(120.0);
    }

    @Test
    void showsTheVerdictOnceTheReportIsWrittenAndZerosBeforeTheStart() {
        MasterStatus pending = new MasterStatus(MasterPhase.PENDING, 0, 0, 3, 1, List.of(), 0, List.of());

        assertThat(StatusJson.of(pending, null, null).get("phase").asText()).isEqualTo("Pending");
        assertThat(StatusJson.of(pending, null, null).get("startTime").isNull()).isTrue();
        assertThat(StatusJson.of(pending, null, null).at("/progress/requests").asLong()).isZero();
        FinalResult failed = new FinalResult(FinalResult.phaseOf(ExitCode.THRESHOLD_BREACHED, false), "{}",
                ExitCode.THRESHOLD_BREACHED.code(), "1 of 2 thresholds passed");
        assertThat(StatusJson.of(RUNNING, null, failed).get("phase").asText()).isEqualTo("Failed");
        assertThat(StatusJson.of(RUNNING, null, failed).get("message").asText()).isEqualTo("1 of 2 thresholds passed");
        assertThat(FinalResult.phaseOf(ExitCode.OK, false)).isEqualTo("Succeeded");
        assertThat(FinalResult.phaseOf(ExitCode.COULD_NOT_RUN, false)).isEqualTo("Error");
        assertThat(FinalResult.phaseOf(ExitCode.OK, true)).isEqualTo("Aborted");
    }
}
