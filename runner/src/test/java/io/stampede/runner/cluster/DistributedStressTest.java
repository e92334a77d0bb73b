package io.stampede.runner.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.doc.CapacityDocument;
import io.stampede.runner.doc.ReportDocument;
import io.stampede.runner.doc.StatusDocument;
import io.stampede.runner.testing.DegradingTarget;
import io.stampede.runner.testing.DegradingTarget.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A stress run on a master with two worker processes: the master judges each step over both workers' merged
 * intervals, stops them at the first broken step, and serves the capacity and the story in its report, its
 * status (what the operator reads) and its metrics. The target: 10 threads x 20 ms (500 requests/s at most), so
 * with p95 < 75ms 30 users hold (about 60 ms) and 45 break (about 90 ms).
 */
class DistributedStressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "test-token-7c1d";

    @TempDir
    Path dir;

    private final List<WorkerProcess> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (WorkerProcess worker : workers) worker.close();
    }

    @Test
    void theMasterJudgesStepsOverAllWorkersAndServesTheCapacityInItsReportStatusAndMetrics() throws Exception {
        try (DegradingTarget pool = DegradingTarget.start(10, (path, inFlight, elapsed, served) -> Answer.ok(20))) {
            Path test = dir.resolve("stress.yaml");
            Files.writeString(test, """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: stress}
                    spec:
                      target: %s
                      load:
                        spawnRate: 500
                        stress: {users: {start: 15, step: 15, max: 300}, every: 4s}
                      userClasses:
                        - name: u
                          tasks: [{name: work, request: {method: GET, path: /work}}]
                      thresholds: [{expr: p95 < 75ms}]
                    """.formatted(pool.baseUrl()));
            Path tokenFile = dir.resolve("token");
            Files.writeString(tokenFile, TOKEN + "\n");
            Path json = dir.resolve("stress.json");
            MasterInThread master = MasterInThread.start(test.toString(), "--expect-workers", "2", "--token-file",
                    tokenFile.toString(), "--json", json.toString(), "--keep-serving", "10s", "-q");
            for (int i = 1; i <= 2; i++) workers.add(WorkerProcess.start(master.port(), TOKEN, dir, "w" + i));

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> master.get("/api/v1/report").statusCode() == 200);

            ReportDocument report = ReportDocument.parse(master.get("/api/v1/report").body());
            CapacityDocument capacity = report.capacity();
            assertThat(capacity.broke().users()).as(capacity.text()).isBetween(30, 60);
            assertThat(capacity.held().users()).isEqualTo(capacity.broke().users() - 15);
            assertThat(report.passed()).isFalse();
            assertThat(report.message()).startsWith("capacity: holds ");
            assertThat(report.durationSeconds()).as("stopped at the broken step")
                    .isLessThan((capacity.broke().step() + 2) * 4);
            assertThat(report.summary().total().requests()).isEqualTo(pool.served());
            StatusDocument status = StatusDocument.parse(master.get("/api/v1/status").body());
            assertThat(status.phase()).isEqualTo("Failed");
            assertThat(status.capacity()).isEqualTo(capacity);
            assertThat(status.story()).isEqualTo(report.story()).isNotNull();
            String metrics = master.get("/metrics").body();
            assertThat(metrics)
                    .contains("stampede_capacity_users{result=\"held\"} " + capacity.held().users() + ".0")
                    .contains("stampede_capacity_users{result=\"broke\"} " + capacity.broke().users() + ".0");
            assertPromtoolAccepts(metrics);

            for (WorkerProcess worker : workers) assertThat(worker.awaitExit(Duration.ofSeconds(20))).isZero();
            MasterInThread.Outcome outcome = master.await(Duration.ofSeconds(30));
            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(1);
            assertThat(outcome.out()).contains("Capacity: " + capacity.text());
            JsonNode written = JSON.readTree(json.toFile());
            assertThat(written.at("/capacity/text").asText()).isEqualTo(capacity.text());
        }
    }

    private void assertPromtoolAccepts(String metrics) throws Exception {
        assumeTrue(new File("/usr/bin/promtool").canExecute() || onPath("promtool"), "promtool is not installed");
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // 0 and nothing said: parsed and no lint remark, capacity gauges included
        assertThat(promtool.exitValue()).as(said).isZero();
        assertThat(said).isBlank();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String folder : path.split(File.pathSeparator)) {
            if (new File(folder, program).canExecute()) return true;
        }
        return false;
    }
}
