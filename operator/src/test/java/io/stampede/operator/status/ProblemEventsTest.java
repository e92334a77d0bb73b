package io.stampede.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.ThresholdResult;
import io.stampede.operator.api.WorkersStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    private static LoadTest loadTest() {
        LoadTest loadTest = new LoadTest();
        loadTest.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("team-a").withUid("u-1").build());
        return loadTest;
    }

    private static LoadTestStatus status(String phase, String message) {
        LoadTestStatus status = new LoadTestStatus();
        status.setPhase(phase);
        status.setMessage(message);
        status.setRun(1);
        return status;
    }

    private static LoadTestStatus withLost(LoadTestStatus status, int lost) {
        WorkersStatus workers = new WorkersStatus();
        workers.setExpected(3);
        workers.setConnected(3 - lost);
        workers.setLost(lost);
        status.setWorkers(workers);
        return status;
    }

    private static ThresholdResult threshold(String expr, boolean passed, String observed) {
        ThresholdResult result = new ThresholdResult();
        result.setExpr(expr);
        result.setRequest("Aggregated");
        result.setPassed(passed);
        result.setObserved(observed);
        return result;
    }

    @Test
    void aLostWorkerIsAWarningWorkerLostToldOncePerCount() {
        LoadTestStatus before = withLost(status("Running", "running"), 0);
        LoadTestStatus after = withLost(status("Running", "running"), 1);

        List<Event> events = ProblemEvents.of(loadTest(), before, after, NOW);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getReason()).isEqualTo("WorkerLost");
            assertThat(event.getType()).isEqualTo("Warning");
            assertThat(event.getMessage()).startsWith("1 of 3 workers lost");
            assertThat(event.getInvolvedObject().getName()).isEqualTo("shop");
            assertThat(event.getMetadata().getName()).isEqualTo("shop.u-1.1.workerlost-1");
        });
        assertThat(ProblemEvents.of(loadTest(), after, withLost(status("Running", "running"), 1), NOW))
                .as("the same count again").isEmpty();
        assertThat(ProblemEvents.of(loadTest(), after, withLost(status("Running", "running"), 2), NOW))
                .singleElement().satisfies(e -> assertThat(e.getMetadata().getName()).endsWith(".workerlost-2"));
    }

    @Test
    void anErrorFromTheMasterGoneIsMasterLost() {
        for (String message : List.of("lost the master: connection refused (not answering since 2026-12-05T07:59:00Z)",
                "the master exited with code 137 (Error) before the operator read its report",
                "the master pod was deleted during the run")) {
            assertThat(ProblemEvents.of(loadTest(), status("Running", "running"), status("Error", message), NOW))
                    .as(message).singleElement().satisfies(event -> {
                        assertThat(event.getReason()).isEqualTo("MasterLost");
                        assertThat(event.getType()).isEqualTo("Warning");
                        assertThat(event.getMessage()).isEqualTo(message);
                    });
        }
        LoadTestStatus error = status("Error", "lost the master: timeout");
        assertThat(ProblemEvents.of(loadTest(), error, status("Error", "lost the master: timeout"), NOW))
                .as("an Error already told").isEmpty();
    }

    @Test
    void aMasterImageThatCannotBePulledIsImagePullFailed() {
        String message = "the master pod shop-1-master cannot start: ImagePullBackOff: Back-off pulling image \"x\"";

        assertThat(ProblemEvents.of(loadTest(), status("Provisioning", "starting"), status("Error", message), NOW))
                .singleElement().satisfies(event -> {
                    assertThat(event.getReason()).isEqualTo("ImagePullFailed");
                    assertThat(event.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void otherErrorsAreNoProblemEvent() {
        assertThat(ProblemEvents.of(loadTest(), status("Pending", null),
                status("Error", "spec.target: not in the operator's allowlist"), NOW)).isEmpty();
    }

    @Test
    void breachedThresholdsAreOneThresholdBreachedWithTheObservedValues() {
        LoadTestStatus failed = status("Failed", "p95 was 828ms");
        failed.setThresholds(List.of(threshold("p95 < 500ms", false, "828ms"), threshold("failureRate < 1%", true, "0%"),
                threshold("p99 < 1s", false, "1.2s")));

        List<Event> events = ProblemEvents.of(loadTest(), status("Running", "running"), failed, NOW);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getReason()).isEqualTo("ThresholdBreached");
            assertThat(event.getType()).isEqualTo("Warning");
            assertThat(event.getMessage()).isEqualTo("breached: p95 < 500ms: observed 828ms; p99 < 1s: observed 1.2s");
            assertThat(event.getMetadata().getName()).isEqualTo("shop.u-1.1.thresholdbreached");
        });
        assertThat(ProblemEvents.of(loadTest(), failed, failed, NOW)).as("told once").isEmpty();
    }

    @Test
    void aNewRunStartsCountingAgain() {
        LoadTestStatus firstRun = withLost(status("Succeeded", "done"), 1);
        LoadTestStatus secondRun = withLost(status("Running", "running"), 1);
        secondRun.setRun(2);

        assertThat(ProblemEvents.of(loadTest(), firstRun, secondRun, NOW)).singleElement()
                .satisfies(e -> assertThat(e.getMetadata().getName()).isEqualTo("shop.u-1.2.workerlost-1"));
    }
}
