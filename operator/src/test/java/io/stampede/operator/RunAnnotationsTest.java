package io.stampede.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.build.WorkerTokenBuilder;
import io.stampede.operator.testing.FakeMaster;
import io.stampede.operator.testing.FakeMasterResource;
import io.stampede.operator.testing.SampleLoadTests;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.stampede.operator.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What users do with kubectl annotate: stop a run ({@code stampede.io/stop=true}) and run an unchanged spec again
 * ({@code stampede.io/rerun=<new value>}), on the Fabric8 mock API server with a {@link FakeMaster} on 127.0.0.1.
 */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(FakeMasterResource.class)
class RunAnnotationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KubernetesClient client;

    @Test
    void theStopAnnotationAsksTheMasterWithTheRunsTokenAndTheRunEndsAbortedWithItsSummary() throws Exception {
        String ns = "stop";
        FakeMaster master = FakeMasterResource.master();
        client.resource(SampleLoadTests.shop("shop")).inNamespace(ns).create();
        master.status(ns, "shop-1-master", FakeMaster.fixture("status-running.json"));
        await().untilAsserted(() -> assertThat(status(ns, "shop").getPhase()).isEqualTo("Running"));

        annotate(ns, "shop", "stampede.io/stop", "true");

        Secret tokenSecret = client.secrets().inNamespace(ns).withName("shop-1-token").get();
        await().untilAsserted(() -> assertThat(master.stopRequests(ns, "shop-1-master"))
                .containsExactly("Bearer " + WorkerTokenBuilder.tokenOf(tokenSecret)));
        await().untilAsserted(() -> assertThat(annotations(ns, "shop")).doesNotContainKey("stampede.io/stop"));
        ObjectNode aborted = (ObjectNode) JSON.readTree(FakeMaster.fixture("status-failed.json"));
        aborted.put("phase", "Aborted").put("message", "stopped early: stopped through the API");
        master.report(ns, "shop-1-master", FakeMaster.fixture("report-failed.json"));
        master.status(ns, "shop-1-master", aborted.toString());
        await().untilAsserted(() -> {
            LoadTestStatus status = status(ns, "shop");
            assertThat(status.getPhase()).isEqualTo("Aborted");
            assertThat(status.getMessage()).isEqualTo("stopped early: stopped through the API");
            assertThat(status.getSummary().getTotal().getRequests()).as("what was measured stays").isEqualTo(107);
            assertThat(status.getCompletionTime()).isNotNull();
        });
        assertThat(status(ns, "shop").getRun()).as("removing the annotation starts no new run").isEqualTo(1);
        assertThat(master.stopRequests(ns, "shop-1-master")).hasSize(1);
    }

    @Test
    void aStopOfARunWaitingForASlotAbortsItBeforeAnythingIsCreated() {
        String ns = "stop-pending";
        client.resource(SampleLoadTests.shop("first")).inNamespace(ns).create();
        client.resource(SampleLoadTests.shop("second")).inNamespace(ns).create();
        await().untilAsserted(() -> assertThat(status(ns, "second").getPhase()).isEqualTo("Provisioning"));
        await().untilAsserted(() -> assertThat(status(ns, "first").getPhase()).isEqualTo("Provisioning"));
        client.resource(SampleLoadTests.shop("third")).inNamespace(ns).create();
        await().untilAsserted(() -> assertThat(status(ns, "third").getMessage()).startsWith("waiting for a free slot"));

        annotate(ns, "third", "stampede.io/stop", "true");

        await().untilAsserted(() -> {
            LoadTestStatus status = status(ns, "third");
            assertThat(status.getPhase()).isEqualTo("Aborted");
            assertThat(status.getMessage()).isEqualTo("stopped before it started (stampede.io/stop)");
            assertThat(annotations(ns, "third")).doesNotContainKey("stampede.io/stop");
        });
        assertThat(client.pods().inNamespace(ns).withName("third-1-master").get()).isNull();
        assertThat(status(ns, "first").getPhase()).isEqualTo("Provisioning");
    }

    @Test
    void aNewRerunValueRunsTheUnchangedSpecAgainOnce() throws Exception {
        String ns = "rerun";
        FakeMaster master = FakeMasterResource.master();
        client.resource(SampleLoadTests.shop("nightly")).inNamespace(ns).create();
        ObjectNode succeeded = (ObjectNode) JSON.readTree(FakeMaster.fixture("status-failed.json"));
        succeeded.put("phase", "Succeeded").put("message", "4 of 4 thresholds passed");
        master.report(ns, "nightly-1-master", FakeMaster.fixture("report-failed.json"));
        master.status(ns, "nightly-1-master", succeeded.toString());
        await().untilAsserted(() -> assertThat(status(ns, "nightly").getPhase()).isEqualTo("Succeeded"));

        annotate(ns, "nightly", "stampede.io/rerun", "2026-12-05");

        await().untilAsserted(() -> {
            LoadTestStatus status = status(ns, "nightly");
            assertThat(status.getRun()).isEqualTo(2);
            assertThat(status.getRerun()).isEqualTo("2026-12-05");
            assertThat(status.getHistory()).extracting("run").containsExactly(1);
            assertThat(client.pods().inNamespace(ns).withName("nightly-2-master").get()).isNotNull();
        });
        master.report(ns, "nightly-2-master", FakeMaster.fixture("report-failed.json"));
        master.status(ns, "nightly-2-master", succeeded.toString());
        await().untilAsserted(() -> assertThat(status(ns, "nightly").getPhase()).isEqualTo("Succeeded"));
        annotate(ns, "nightly", "other", "touch");  // any later event: the same rerun value starts nothing
        await().untilAsserted(() -> assertThat(annotations(ns, "nightly")).containsKey("other"));
        assertThat(status(ns, "nightly").getRun()).isEqualTo(2);
    }

    private void annotate(String namespace, String name, String key, String value) {
        // what `kubectl annotate` sends: a merge patch of the annotation alone
        client.resources(LoadTest.class).inNamespace(namespace).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"annotations\":{\"" + key + "\":\"" + value + "\"}}}");
    }

    private java.util.Map<String, String> annotations(String namespace, String name) {
        LoadTest loadTest = client.resources(LoadTest.class).inNamespace(namespace).withName(name).get();
        return loadTest.getMetadata().getAnnotations() == null ? java.util.Map.of() : loadTest.getMetadata().getAnnotations();
    }

    private LoadTestStatus status(String namespace, String name) {
        LoadTest loadTest = client.resources(LoadTest.class).inNamespace(namespace).withName(name).get();
        assertThat(loadTest.getStatus()).as("status of " + name).isNotNull();
        return loadTest.getStatus();
    }
}
