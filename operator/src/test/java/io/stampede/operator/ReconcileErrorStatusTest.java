package io.stampede.operator;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.testing.FakeMasterResource;
import io.stampede.operator.testing.SampleLoadTests;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reconcile that throws leaves its cause in the status, then clears it once a retry succeeds. The failure is a
 * real one: the mock API server refuses to create the run's ConfigMap with 403, as a namespace over its
 * ResourceQuota does, so the operator's workflow fails inside reconcile.
 */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(FakeMasterResource.class)
class ReconcileErrorStatusTest {

    private static final String QUOTA = "exceeded quota: loadtests, requested: count/configmaps=1, used: "
            + "count/configmaps=10, limited: count/configmaps=10";

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    KubernetesClient client;

    @Test
    void anExceptionInReconcileShowsAsAConditionAndAMessageUntilARetrySucceeds() {
        String ns = "quota";
        server.expect().post().withPath("/api/v1/namespaces/" + ns + "/configmaps")
                .andReturn(403, new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                        .withMessage("configmaps \"shop-1-test\" is forbidden: " + QUOTA).build())
                .times(2);
        client.resource(SampleLoadTests.shop("shop")).inNamespace(ns).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            LoadTestStatus status = status(ns);
            Condition error = condition(status, "ReconcileError");
            assertThat(error).as("conditions " + status.getConditions()).isNotNull();
            assertThat(error.getStatus()).isEqualTo("True");
            assertThat(error.getReason()).isEqualTo("Retrying");
            assertThat(status.getMessage()).startsWith("the operator could not reconcile this LoadTest: ")
                    .contains("the Kubernetes API answered 403: ").contains(QUOTA).endsWith("; retrying");
            assertThat(error.getMessage()).isEqualTo(status.getMessage());
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            LoadTestStatus status = status(ns);
            assertThat(status.getPhase()).isEqualTo("Provisioning");
            assertThat(condition(status, "ReconcileError")).isNull();
            assertThat(status.getMessage()).doesNotContain("could not reconcile");
        });
        assertThat(client.configMaps().inNamespace(ns).withName("shop-1-test").get()).isNotNull();
    }

    private LoadTestStatus status(String ns) {
        LoadTest loadTest = client.resources(LoadTest.class).inNamespace(ns).withName("shop").get();
        assertThat(loadTest.getStatus()).as("status").isNotNull();
        return loadTest.getStatus();
    }

    private static Condition condition(LoadTestStatus status, String type) {
        return status.getConditions() == null ? null
                : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }
}
