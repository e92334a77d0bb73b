package io.stampede.operator.e2e;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.testing.FakeMaster;
import io.stampede.operator.testing.SampleLoadTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator restarted mid-run: the operator runs as a process of its own (the test-profile build in
 * {@code target/e2e-operator/}, see the operator POM) against a Fabric8 mock API server in CRUD mode that this
 * test owns, the {@link Kubelet} runs the pods, and the operator is killed with SIGKILL while the run is under
 * way, then started again. The run must complete with its summary, counted as the target counted, on the objects
 * of its first start: no second master, Job or Service, no second run.
 *
 * <p>Run by failsafe ({@code ./mvnw verify}), after {@code package} built that operator.
 */
class OperatorRestartIT {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(150);
    private static final String NAMESPACE = "e2e-restart";
    private static final String NAME = "restarted";
    /** The mock server logs every request at INFO (java.util.logging); held here, or the level is collected. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    private final List<OperatorProcess> operators = new ArrayList<>();
    private KubernetesMockServer server;
    private KubernetesClient client;
    private FakeMaster masterProxy;
    private Kubelet kubelet;
    private Path files;

    @AfterEach
    void stopEverything() {
        operators.forEach(OperatorProcess::kill);
        if (kubelet != null) kubelet.close();
        if (masterProxy != null) masterProxy.close();
        if (client != null) client.close();
        if (server != null) server.destroy();
    }

    @Test
    void anOperatorKilledMidRunAndStartedAgainCompletesTheRunWithoutDuplicates() throws Exception {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        client = server.createClient();
        files = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), NAMESPACE + "-")
                .toAbsolutePath();
        Path runnerJar = Path.of(System.getProperty("e2e.runner.jar", "../runner/target/stampede.jar"))
                .toAbsolutePath().normalize();
        assertThat(runnerJar).as("the runner jar").exists();
        kubelet = new Kubelet(client, NAMESPACE, runnerJar, files);
        masterProxy = new FakeMaster();
        masterProxy.forwardTo(NAMESPACE, service -> kubelet.serviceIp(service));

        try (CountingTarget target = new CountingTarget(10)) {
            // The shipped CRD, as the Helm chart installs it (the release build does not apply it).
            try (var crd = Files.newInputStream(Path.of("..", "crds", "loadtests.stampede.io-v1.yml"))) {
                client.load(crd).items().forEach(item -> client.resource(item).create());
            }
            OperatorProcess first = startOperator("first");
            client.resource(SampleLoadTests.parse("""
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: NAME}
                    spec:
                      target: TARGET
                      load: {users: 4, spawnRate: 4, duration: 25s}
                      workers: 2
                      userClasses:
                        - name: reader
                          wait: {constant: 50ms}
                          tasks:
                            - {name: home, request: {method: GET, path: /}}
                      thresholds:
                        - expr: p95 < 2s
                    """.replace("NAME", NAME).replace("TARGET", target.url()))).inNamespace(NAMESPACE).create();
            await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                LoadTestStatus status = status();
                assertThat(status.getPhase()).as(first.log() + kubelet.logs()).isEqualTo("Running");
                assertThat(status.getProgress().getRequests()).isPositive();
            });
            List<String> objectsBefore = objects();

            first.kill();
            long requestsAtKill = target.requests();
            OperatorProcess second = startOperator("second");

            await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(kubelet.failure()).as("the harness").isNull();
                assertThat(status().getCompletionTime()).as(second.log() + kubelet.logs()).isNotNull();
            });
            LoadTestStatus status = status();
            assertThat(status.getPhase()).as(status.getMessage() + "\n" + second.log()).isEqualTo("Succeeded");
            assertThat(status.getRun()).as("still the first run").isEqualTo(1);
            assertThat(status.getSummary().getTotal().getRequests()).as("requests in status vs received by the target")
                    .isEqualTo(target.requests()).isGreaterThan(requestsAtKill);
            assertThat(objects()).as("objects after the restart: only those of the first start").isSubsetOf(objectsBefore);
            assertThat(objectsBefore).as("one master pod").filteredOn(o -> o.startsWith("Pod/") && o.endsWith("-master"))
                    .containsExactly("Pod/" + NAME + "-1-master");
        }
    }

    private OperatorProcess startOperator(String label) throws Exception {
        OperatorProcess operator = OperatorProcess.start(Path.of("target", "e2e-operator", "quarkus-run.jar"),
                server.url("/"), "http://127.0.0.1:" + masterProxy.port() + "/{namespace}/{service}",
                files.resolve("operator-" + label + ".log"));
        operators.add(operator);
        return operator;
    }

    private LoadTestStatus status() {
        LoadTest loadTest = client.resources(LoadTest.class).inNamespace(NAMESPACE).withName(NAME).get();
        assertThat(loadTest.getStatus()).as("status of " + NAME).isNotNull();
        return loadTest.getStatus();
    }

    /** Kind/name of every object in the namespace that the operator (or, for Job pods, the kubelet) made. */
    private List<String> objects() {
        List<HasMetadata> all = new ArrayList<>();
        all.addAll(client.pods().inNamespace(NAMESPACE).list().getItems());
        all.addAll(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems());
        all.addAll(client.services().inNamespace(NAMESPACE).list().getItems());
        all.addAll(client.configMaps().inNamespace(NAMESPACE).list().getItems());
        all.addAll(client.secrets().inNamespace(NAMESPACE).list().getItems());
        all.addAll(client.network().v1().networkPolicies().inNamespace(NAMESPACE).list().getItems());
        return all.stream().map(object -> object.getKind() + "/" + object.getMetadata().getName()).sorted().toList();
    }
}
