package io.stampede.operator.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.testing.FakeMasterResource;
import io.stampede.operator.testing.SampleLoadTests;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster path end to end: a LoadTest applied to the Fabric8 mock API server, the operator's master pod and
 * worker Job run as real runner processes by the {@link Kubelet} stand-in (args, env, volumes as the operator wrote
 * them), load on a real server on 127.0.0.1, and the verdict and summary back in the LoadTest's status. The runner
 * jar is the module build's ({@code e2e.runner.jar}).
 */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(FakeMasterResource.class)
class ClusterRunTest {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final String LOAD_TEST = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: NAME}
            spec:
              target: TARGET
              load: {users: 4, spawnRate: 4, duration: DURATION}
              workers: 2
              userClasses:
                - name: reader
                  wait: {constant: 50ms}
                  tasks:
                    - {name: home, request: {method: GET, path: /}}
              thresholds:
                - expr: THRESHOLD
            """;

    @Inject
    KubernetesClient client;

    private Kubelet kubelet;
    private String namespace;

    @AfterEach
    void stopEverything() {
        if (kubelet != null) kubelet.close();
        if (namespace != null) FakeMasterResource.master().stopForwarding(namespace);
    }

    @Test
    void aLoadTestRunsOnRealProcessesAndItsStatusCountsWhatTheTargetReceived() throws Exception {
        try (CountingTarget target = new CountingTarget(10)) {
            start("e2e-ok", LOAD_TEST.replace("NAME", "ok").replace("TARGET", target.url())
                    .replace("DURATION", "5s").replace("THRESHOLD", "p95 < 2s"));

            LoadTestStatus status = finalStatus("ok");

            assertThat(status.getPhase()).as(explain(status)).isEqualTo("Succeeded");
            assertThat(status.getSummary().getTotal().getRequests()).as("requests in status vs received by the target")
                    .isEqualTo(target.requests()).isPositive();
            assertThat(status.getThresholds()).singleElement().satisfies(t -> assertThat(t.getPassed()).isTrue());
            assertThat(status.getWorkers().getConnected()).isEqualTo(2);
            assertThat(kubelet.process("ok-1-master").exitCode()).as("the master has ended or still serves its report")
                    .isIn(null, 0);
        }
    }

    @Test
    void aBreachedThresholdEndsFailedWithTheObservedValue() throws Exception {
        try (CountingTarget target = new CountingTarget(30)) {
            start("e2e-failed", LOAD_TEST.replace("NAME", "slow").replace("TARGET", target.url())
                    .replace("DURATION", "4s").replace("THRESHOLD", "p95 < 5ms"));

            LoadTestStatus status = finalStatus("slow");

            assertThat(status.getPhase()).as(explain(status)).isEqualTo("Failed");
            assertThat(status.getThresholds()).singleElement().satisfies(t -> assertThat(t.getPassed()).isFalse());
            assertThat(status.getMessage()).contains("p95");
            assertThat(status.getSummary().getTotal().getRequests()).isEqualTo(target.requests());
            assertThat(eventMessages("ThresholdBreached")).singleElement().asString().startsWith("breached: p95 < 5ms");
        }
    }

    @Test
    void theStopAnnotationEndsARealRunAbortedWithEveryRequestCounted() throws Exception {
        try (CountingTarget target = new CountingTarget(10)) {
            start("e2e-stop", LOAD_TEST.replace("NAME", "long").replace("TARGET", target.url())
                    .replace("DURATION", "5m").replace("THRESHOLD", "p95 < 2s"));
            awaitRequests("long");

            client.resources(LoadTest.class).inNamespace(namespace).withName("long").patch(
                    PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"annotations\":{\"stampede.io/stop\":\"true\"}}}");

            LoadTestStatus status = finalStatus("long");
            assertThat(status.getPhase()).as(explain(status)).isEqualTo("Aborted");
            assertThat(status.getSummary().getTotal().getRequests()).isEqualTo(target.requests());
            assertThat(Duration.between(java.time.Instant.parse(status.getStartTime()),
                    java.time.Instant.parse(status.getCompletionTime()))).as("stopped long before its 5 minutes")
                    .isLessThan(Duration.ofMinutes(2));
        }
    }

    @Test
    void aStressRunOnTwoWorkersReportsItsCapacityAndStoryInTheStatus() throws Exception {
        try (CountingTarget target = new CountingTarget(20, 2)) {
            start("e2e-stress", """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: steps}
                    spec:
                      target: TARGET
                      load:
                        stress: {users: {start: 2, step: 4, max: 18}, every: 4s}
                      workers: 2
                      userClasses:
                        - name: reader
                          tasks:
                            - {name: home, request: {method: GET, path: /}}
                      thresholds:
                        - expr: p95 < 45ms
                    """.replace("TARGET", target.url()));

            LoadTestStatus status = finalStatus("steps");

            assertThat(status.getPhase()).as(explain(status)).isEqualTo("Failed");
            assertThat(status.getCapacity()).as(explain(status)).isNotNull();
            assertThat(status.getCapacity().getBroke().getUsers()).as("2 threads x 20 ms cannot hold 18 users")
                    .isLessThan(18);
            assertThat(status.getCapacity().getBroke().getBreached()).singleElement().asString().startsWith("p95 < 45ms");
            if (status.getCapacity().getHeld() != null) {
                assertThat(status.getCapacity().getHeld().getUsers()).isLessThan(status.getCapacity().getBroke().getUsers());
            }
            assertThat(status.getCapacity().getText()).contains("broke at " + status.getCapacity().getBroke().getUsers());
            assertThat(status.getMessage()).contains("capacity");
            assertThat(status.getStory()).isNotNull();
            assertThat(status.getSummary().getTotal().getRequests()).isEqualTo(target.requests());
        }
    }

    @Test
    void aWorkerKilledMidRunIsLostAndTheRunCompletesOnTheOther() throws Exception {
        try (CountingTarget target = new CountingTarget(10)) {
            start("e2e-worker", LOAD_TEST.replace("NAME", "chaos").replace("TARGET", target.url())
                    .replace("DURATION", "15s").replace("THRESHOLD", "p95 < 2s"));
            awaitRequests("chaos");

            kubelet.process("chaos-1-workers-0-e2e").kill();

            LoadTestStatus status = finalStatus("chaos");
            assertThat(status.getPhase()).as(explain(status)).isEqualTo("Succeeded");
            assertThat(status.getWorkers().getLost()).as(explain(status)).isEqualTo(1);
            assertThat(eventMessages("WorkerLost")).singleElement().asString().startsWith("1 of 2 workers lost");
            long counted = status.getSummary().getTotal().getRequests();
            // At most the killed worker's last two seconds (the one it died in, and the one before, whose snapshot
            // a busy machine may not have sent yet) at its real maximum, 2 users each sending one request per 50 ms
            // wait + 10 ms answer (the run's average RPS includes the ramp and the stop, and once assumed a
            // snapshot is never late), plus the 2 in flight. Never below 0: nothing is counted twice.
            double perWorkerSecond = 2 * 1000.0 / (50 + 10);
            assertThat((double) target.requests() - counted).as("requests the killed worker sent but never reported")
                    .isBetween(0.0, 2 * perWorkerSecond + 2);
        }
    }

    @Test
    void aMasterKilledMidRunEndsInErrorKeepingTheProgressMeasured() throws Exception {
        try (CountingTarget target = new CountingTarget(10)) {
            start("e2e-master", LOAD_TEST.replace("NAME", "headless").replace("TARGET", target.url())
                    .replace("DURATION", "5m").replace("THRESHOLD", "p95 < 2s"));
            awaitRequests("headless");

            kubelet.process("headless-1-master").kill();

            LoadTestStatus status = finalStatus("headless");
            assertThat(status.getPhase()).as(explain(status)).isEqualTo("Error");
            assertThat(status.getMessage()).contains("exit");
            assertThat(eventMessages("MasterLost")).singleElement().isEqualTo(status.getMessage());
            assertThat(status.getProgress().getRequests()).as("what was measured stays").isPositive();
        }
    }

    @Test
    void aSpecEditedMidRunStartsTheNextRunAfterThisOneEnds() throws Exception {
        try (CountingTarget target = new CountingTarget(10)) {
            start("e2e-edit", LOAD_TEST.replace("NAME", "edited").replace("TARGET", target.url())
                    .replace("DURATION", "6s").replace("THRESHOLD", "p95 < 2s"));
            awaitRequests("edited");

            client.resources(LoadTest.class).inNamespace(namespace).withName("edited")
                    .edit(lt -> { lt.getSpec().getLoad().setUsers(2); return lt; });

            await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(kubelet.failure()).as("the harness").isNull();
                LoadTestStatus status = status("edited");
                assertThat(status.getRun()).as(kubelet.logs()).isEqualTo(2);
                assertThat(status.getCompletionTime()).as(kubelet.logs()).isNotNull();
            });
            LoadTestStatus status = status("edited");
            assertThat(status.getPhase()).as(explain(status)).isEqualTo("Succeeded");
            assertThat(status.getHistory()).as("run 1 ran to its end as it started").first().satisfies(first -> {
                assertThat(first.getRun()).isEqualTo(1);
                assertThat(first.getPhase()).isEqualTo("Succeeded");
                assertThat(first.getTotal().getRequests()).isPositive();
            });
            assertThat(client.configMaps().inNamespace(namespace).withName("edited-2-test").get().getData()
                    .get("loadtest.yaml")).as("run 2 runs the edited spec").contains("users: 2");
            assertThat(status.getHistory().get(0).getTotal().getRequests() + status.getSummary().getTotal().getRequests())
                    .as("both runs' requests vs received by the target").isEqualTo(target.requests());
        }
    }

    private void awaitRequests(String name) {
        await().atMost(RUN_TIMEOUT).untilAsserted(() -> {
            LoadTestStatus status = status(name);
            assertThat(status.getPhase()).as(kubelet.logs()).isEqualTo("Running");
            assertThat(status.getProgress().getRequests()).isPositive();
        });
    }

    private void start(String ns, String yaml) throws Exception {
        namespace = ns;
        Path runnerJar = Path.of(System.getProperty("e2e.runner.jar", "../runner/target/stampede.jar"))
                .toAbsolutePath().normalize();
        assertThat(runnerJar).as("the runner jar (built by the runner module before the operator's tests)").exists();
        // pods' files and logs under target/, kept after the test to read when one fails
        Path podFiles = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), ns + "-");
        kubelet = new Kubelet(client, ns, runnerJar, podFiles.toAbsolutePath());
        FakeMasterResource.master().forwardTo(ns, service -> kubelet.serviceIp(service));
        client.resource(SampleLoadTests.parse(yaml)).inNamespace(ns).create();
    }

    private LoadTestStatus finalStatus(String name) {
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(kubelet.failure()).as("the harness").isNull();
            assertThat(status(name).getCompletionTime()).as(kubelet.logs()).isNotNull();
        });
        return status(name);
    }

    /** The messages of the namespace's Events with this reason ({@code kubectl get events --field-selector}). */
    private java.util.List<String> eventMessages(String reason) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(event -> reason.equals(event.getReason())).map(event -> event.getMessage()).toList();
    }

    /** For a failing assertion: what the status says, then every pod's log. */
    private String explain(LoadTestStatus status) {
        return "status.message: " + status.getMessage() + "\n" + kubelet.logs();
    }

    private LoadTestStatus status(String name) {
        LoadTest loadTest = client.resources(LoadTest.class).inNamespace(namespace).withName(name).get();
        assertThat(loadTest.getStatus()).as("status of " + name).isNotNull();
        return loadTest.getStatus();
    }
}
