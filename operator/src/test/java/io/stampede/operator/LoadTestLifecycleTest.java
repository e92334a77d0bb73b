package io.stampede.operator;

import java.util.List;

import java.util.Comparator;

import io.fabric8.kubernetes.api.model.Event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.testing.FakeMaster;
import io.stampede.operator.testing.FakeMasterResource;
import io.stampede.operator.testing.SampleLoadTests;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.stampede.operator.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A LoadTest's life through the operator, against the Fabric8 mock API server (which runs no pods: the tests set a
 * pod's status by hand) and a {@link FakeMaster} on 127.0.0.1 that answers with a real master's captured JSON.
 * Each test works in its own namespace.
 */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(FakeMasterResource.class)
class LoadTestLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KubernetesClient client;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void followsTheMasterFromProvisioningToFailedWithTheSummaryAndMetrics() throws Exception {
        String ns = "follow";
        create(ns, SampleLoadTests.shop("shop"));
        FakeMaster master = FakeMasterResource.master();
        await().untilAsserted(() -> assertThat(status(ns, "shop").getPhase()).isEqualTo("Provisioning"));

        master.status(ns, "shop-1-master", FakeMaster.fixture("status-pending.json"));
        await().untilAsserted(() -> {
            LoadTestStatus status = status(ns, "shop");
            assertThat(status.getWorkers().getConnected()).isEqualTo(1);
            assertThat(status.getWorkers().getExpected()).isEqualTo(2);
            assertThat(status.getMessage()).isEqualTo("waiting for workers: 1 of 2 connected");
        });

        master.status(ns, "shop-1-master", FakeMaster.fixture("status-running.json"));
        await().untilAsserted(() -> {
            LoadTestStatus status = status(ns, "shop");
            assertThat(status.getPhase()).isEqualTo("Running");
            assertThat(status.getProgress().getUsers()).isEqualTo(20);
            assertThat(status.getProgress().getRequests()).isEqualTo(1234);
            assertThat(status.getProgress().getFailures()).isEqualTo(5);
            assertThat(status.getProgress().getRps()).isEqualTo(250.3);
            assertThat(status.getProgress().getP95Ms()).isEqualTo(80.25);
            assertThat(status.getProgress().getElapsed()).isEqualTo("1m30s");
            assertThat(status.getStartTime()).isEqualTo("2026-11-22T03:54:02.583Z");
            assertThat(condition(status, "Running").getStatus()).isEqualTo("True");
        });
        await().untilAsserted(() -> assertThat(scrape())
                .contains("stampede_loadtest_requests_total{name=\"shop\",namespace=\"follow\"} 1234.0")
                .contains("stampede_loadtest_latency_seconds{name=\"shop\",namespace=\"follow\",quantile=\"0.95\"} 0.08025")
                .contains("stampede_loadtest_phase{name=\"shop\",namespace=\"follow\",phase=\"Running\"} 1.0"));

        master.report(ns, "shop-1-master", FakeMaster.fixture("report-failed.json"));
        master.status(ns, "shop-1-master", FakeMaster.fixture("status-failed.json"));
        await().untilAsserted(() -> {
            LoadTestStatus status = status(ns, "shop");
            assertThat(status.getPhase()).isEqualTo("Failed");
            assertThat(status.getMessage()).isEqualTo("3 of 4 thresholds passed; p95 was 828ms (limit 500ms)");
            assertThat(status.getSummary().getTotal().getRequests()).isEqualTo(107);
            assertThat(status.getSummary().getTotal().getP95Ms()).isEqualTo(827.903);
            assertThat(status.getSummary().getRequests()).hasSize(5);
            assertThat(status.getSummary().getRequests().get(0).getName()).isEqualTo("GET /api/users/me");
            assertThat(status.getThresholds()).hasSize(4);
            assertThat(status.getThresholds().get(0).getExpr()).isEqualTo("p95 < 500ms");
            assertThat(status.getThresholds().get(0).getObserved()).isEqualTo("828ms");
            assertThat(status.getThresholds().get(0).getPassed()).isFalse();
            assertThat(status.getProgress().getRequests()).isEqualTo(107);
            assertThat(status.getCompletionTime()).isNotNull();
            assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
            assertThat(condition(status, "Completed").getStatus()).isEqualTo("True");
            assertThat(condition(status, "ThresholdsPassed").getStatus()).isEqualTo("False");
            assertThat(condition(status, "Stalled").getStatus()).isEqualTo("True");
        });
        await().untilAsserted(() -> assertThat(scrape())
                .contains("stampede_loadtest_phase{name=\"shop\",namespace=\"follow\",phase=\"Failed\"} 1.0")
                .contains("stampede_loadtest_phase{name=\"shop\",namespace=\"follow\",phase=\"Running\"} 0.0")
                .contains("stampede_loadtest_threshold_passed{expr=\"p95 < 500ms\",name=\"shop\",namespace=\"follow\",request=\"\"} 0.0")
                .contains("stampede_loadtest_threshold_passed{expr=\"rps > 5\",name=\"shop\",namespace=\"follow\",request=\"\"} 1.0"));

        // kubectl describe loadtest shop: one Event per phase change, the verdict's as a Warning with its reason,
        // and the breached threshold as a problem of its own
        await().untilAsserted(() -> {
            List<Event> events = client.v1().events().inNamespace(ns).list().getItems().stream()
                    .filter(e -> "shop".equals(e.getInvolvedObject().getName())
                            && "LoadTest".equals(e.getInvolvedObject().getKind()))
                    .sorted(Comparator.comparing((Event e) -> Instant.parse(e.getFirstTimestamp()))).toList();
            // admitted at once: from no status straight to Provisioning (Pending only when it waits for a slot)
            assertThat(events).extracting(Event::getReason)
                    .containsExactly("Provisioning", "Running", "Failed", "ThresholdBreached");
            assertThat(events.get(3).getMessage()).startsWith("breached: p95 < 500ms: observed ");
            assertThat(events.get(3).getType()).isEqualTo("Warning");
            Event failed = events.get(2);
            assertThat(failed.getType()).isEqualTo("Warning");
            assertThat(failed.getMessage()).isEqualTo("3 of 4 thresholds passed; p95 was 828ms (limit 500ms)");
            assertThat(failed.getSource().getComponent()).isEqualTo("stampede-operator");
            assertThat(failed.getInvolvedObject().getUid()).isEqualTo(client.resources(LoadTest.class).inNamespace(ns)
                    .withName("shop").get().getMetadata().getUid());
            assertThat(events.get(1).getType()).isEqualTo("Normal");
        });
    }

    @Test
    void succeedsWhenEveryThresholdHolds() throws Exception {
        String ns = "succeed";
        create(ns, SampleLoadTests.shop("checkout"));
        await().untilAsserted(() -> assertThat(status(ns, "checkout").getPhase()).isEqualTo("Provisioning"));
        ObjectNode report = (ObjectNode) JSON.readTree(FakeMaster.fixture("report-failed.json"));
        report.withArray("thresholds").forEach(t -> ((ObjectNode) t).put("passed", true));
        report.put("passed", true).put("message", "4 of 4 thresholds passed");
        ObjectNode finalStatus = (ObjectNode) JSON.readTree(FakeMaster.fixture("status-failed.json"));
        finalStatus.put("phase", "Succeeded").put("message", "4 of 4 thresholds passed");
        FakeMasterResource.master().report(ns, "checkout-1-master", report.toString());
        FakeMasterResource.master().status(ns, "checkout-1-master", finalStatus.toString());
        await().untilAsserted(() -> {
            LoadTestStatus status = status(ns, "checkout");
            assertThat(status.getPhase()).isEqualTo("Succeeded");
            assertThat(status.getMessage()).isEqualTo("4 of 4 thresholds passed");
            assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
            assertThat(condition(status, "ThresholdsPassed").getStatus()).isEqualTo("True");
            assertThat(condition(status, "Reconciling").getStatus()).isEqualTo("False");
        });
    }

    @Test
    void aMalformedSpecGivesPhaseErrorWithTheFieldPathAndNoPods() {
        String ns = "malformed";
        create(ns, SampleLoadTests.parse(SampleLoadTests.SHOP.replace("NAME", "typo").replace("method: GET", "method: FETCH")));
        await().untilAsserted(() -> {
            LoadTestStatus status = status(ns, "typo");
            assertThat(status.getPhase()).isEqualTo("Error");
            assertThat(status.getMessage()).startsWith("invalid LoadTest: spec.userClasses[0].tasks[0].request.method: ");
            assertThat(condition(status, "Stalled").getStatus()).isEqualTo("True");
        });
        assertThat(client.pods().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.batch().v1().jobs().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void aFromEnvVariableThatSpecEnvDoesNotSetIsAnError() {
        String ns = "noenv";
        String yaml = SampleLoadTests.SHOP.replace("NAME", "noenv").replaceAll("(?s)  env:\\n.*?key: password}}\\n", "");
        create(ns, SampleLoadTests.parse(yaml));
        await().untilAsserted(() -> assertThat(status(ns, "noenv").getMessage())
                .contains("spec.variables.password.fromEnv: the variable SHOP_PASSWORD is not set by spec.env"));
        assertThat(status(ns, "noenv").getPhase()).isEqualTo("Error");
        assertThat(client.pods().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void aTargetOutsideTheAllowlistIsRefused() {
        String ns = "refused";
        create(ns, SampleLoadTests.parse(SampleLoadTests.SHOP.replace("NAME", "prod")
                .replace("http://shop.staging.svc:8080", "https://shop.example.org")));
        await().untilAsserted(() -> assertThat(status(ns, "prod").getPhase()).isEqualTo("Error"));
        assertThat(status(ns, "prod").getMessage()).isEqualTo("not allowed by the operator's policy: spec.target: the "
                + "host shop.example.org is not in the operator's target allowlist (*.svc:8080, shop.staging.example, "
                + "127.0.0.1:*); "
                + "ask your cluster admin to allow it");
        assertThat(client.pods().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace(ns).withLabel("app.kubernetes.io/instance", "prod").list().getItems()).isEmpty();
    }

    @Test
    void aMasterImageThatCannotBePulledGivesPhaseError() {
        String ns = "pull";
        create(ns, SampleLoadTests.shop("pull"));
        await().until(() -> client.pods().inNamespace(ns).withName("pull-1-master").get() != null);
        Pod pod = client.pods().inNamespace(ns).withName("pull-1-master").get();
        pod.setStatus(new PodStatusBuilder().withPhase("Pending").withContainerStatuses(new ContainerStatusBuilder()
                .withName("master").withNewState().withNewWaiting().withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image \"ghcr.io/stampede-io/stampede-runner:0.1.0\"").endWaiting()
                .endState().build()).build());
        client.pods().inNamespace(ns).resource(pod).updateStatus();
        await().untilAsserted(() -> {
            LoadTestStatus status = status(ns, "pull");
            assertThat(status.getPhase()).isEqualTo("Error");
            assertThat(status.getMessage()).isEqualTo("the master pod pull-1-master cannot start: ImagePullBackOff: "
                    + "Back-off pulling image \"ghcr.io/stampede-io/stampede-runner:0.1.0\"");
        });
    }

    @Test
    void aMasterThatStopsAnsweringIsLost() {
        String ns = "lost";
        create(ns, SampleLoadTests.shop("lost"));
        FakeMasterResource.master().status(ns, "lost-1-master", FakeMaster.fixture("status-running.json"));
        await().untilAsserted(() -> assertThat(status(ns, "lost").getPhase()).isEqualTo("Running"));
        FakeMasterResource.master().down(ns, "lost-1-master");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            LoadTestStatus status = status(ns, "lost");
            assertThat(status.getPhase()).isEqualTo("Error");
            assertThat(status.getMessage()).startsWith("lost the master: ").contains("answered 503");
            assertThat(status.getProgress().getRequests()).as("what was measured stays").isEqualTo(1234);
        });
    }

    @Test
    void waitsInPendingBeyondTheNamespaceCap() {
        String ns = "capped";
        create(ns, SampleLoadTests.shop("first"));
        create(ns, SampleLoadTests.shop("second"));
        await().untilAsserted(() -> {
            assertThat(status(ns, "first").getPhase()).isEqualTo("Provisioning");
            assertThat(status(ns, "second").getPhase()).isEqualTo("Provisioning");
        });
        create(ns, SampleLoadTests.shop("third"));
        await().untilAsserted(() -> assertThat(status(ns, "third").getMessage())
                .isEqualTo("waiting for a free slot: 2 LoadTests are running in namespace capped (the operator allows 2 at once)"));
        assertThat(status(ns, "third").getPhase()).isEqualTo("Pending");
        assertThat(client.pods().inNamespace(ns).withName("third-1-master").get()).isNull();
    }

    static Condition condition(LoadTestStatus status, String type) {
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + status.getConditions()));
    }

    void create(String namespace, LoadTest loadTest) {
        client.resource(loadTest).inNamespace(namespace).create();
    }

    LoadTestStatus status(String namespace, String name) {
        LoadTest loadTest = client.resources(LoadTest.class).inNamespace(namespace).withName(name).get();
        assertThat(loadTest.getStatus()).as("status of " + name).isNotNull();
        return loadTest.getStatus();
    }

    String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

}
