package io.stampede.operator;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.testing.FakeMasterResource;
import io.stampede.operator.testing.SampleLoadTests;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.stampede.operator.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The cluster admin's policy against a LoadTest author who tries to aim elsewhere than the target allowlist says:
 * through spec.image, through spec.env (the JVM reading a hosts file the author wrote), through a port the
 * allowlist does not name. Each ends in phase Error with the field path and no pods. An allowed run gets
 * NetworkPolicies that confine its workers to the master, DNS and the target. Against the Fabric8 mock API server;
 * the test profile allows {@code *.svc:8080} and the images {@code registry.example.com/stampede-runner:*}.
 */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(FakeMasterResource.class)
class PolicyEnforcementTest {

    @Inject
    KubernetesClient client;

    @Test
    void anImageTheAdminDidNotAllowGivesPhaseErrorAndNoPods() {
        String ns = "image";
        LoadTest loadTest = SampleLoadTests.shop("own-image");
        loadTest.getSpec().setImage("registry.example.com/curl-anything:1");
        create(ns, loadTest);

        await().untilAsserted(() -> assertThat(status(ns, "own-image").getPhase()).isEqualTo("Error"));
        assertThat(status(ns, "own-image").getMessage()).isEqualTo("not allowed by the operator's policy: spec.image: "
                + "the image registry.example.com/curl-anything:1 is not one the operator allows "
                + "(ghcr.io/stampede-io/stampede-runner:0.1.0, registry.example.com/stampede-runner:*); "
                + "leave spec.image out or ask your cluster admin to allow it");
        assertNothingCreated(ns, "own-image");
    }

    @Test
    void envThatMakesTheJvmReadAHostsFileOfTheAuthorsGivesPhaseErrorAndNoPods() {
        String ns = "env";
        // The bypass as found: the JVM reads its hosts file from the pod's own environment, where HOSTS maps the
        // allowed name to any address.
        String yaml = SampleLoadTests.SHOP.replace("NAME", "hosts-file").replace("  env:\n", """
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      valueFrom: {secretKeyRef: {name: jvm, key: options}}
                    - name: HOSTS
                      valueFrom: {secretKeyRef: {name: jvm, key: hosts}}
                """);
        create(ns, SampleLoadTests.parse(yaml));

        await().untilAsserted(() -> assertThat(status(ns, "hosts-file").getPhase()).isEqualTo("Error"));
        assertThat(status(ns, "hosts-file").getMessage())
                .startsWith("not allowed by the operator's policy: spec.env[0].name: JAVA_TOOL_OPTIONS changes the "
                        + "JVM, the dynamic linker, name resolution or the runner's launcher")
                .contains("spec.env[1].name: HOSTS is read by no fromEnv variable");
        assertNothingCreated(ns, "hosts-file");
    }

    @Test
    void aPortTheAllowlistDoesNotNameGivesPhaseErrorAndNoPods() {
        String ns = "port";
        create(ns, SampleLoadTests.parse(SampleLoadTests.SHOP.replace("NAME", "ssh")
                .replace("http://shop.staging.svc:8080", "http://shop.staging.svc:22")));

        await().untilAsserted(() -> assertThat(status(ns, "ssh").getPhase()).isEqualTo("Error"));
        assertThat(status(ns, "ssh").getMessage()).isEqualTo("not allowed by the operator's policy: spec.target: "
                + "port 22 of shop.staging.svc is not in the operator's target allowlist (*.svc:8080, "
                + "shop.staging.example, 127.0.0.1:*); ask your cluster admin to allow it");
        assertNothingCreated(ns, "ssh");
    }

    @Test
    void anAllowedRunConfinesItsWorkersToTheMasterDnsAndTheTarget() {
        String ns = "confined";
        LoadTest loadTest = SampleLoadTests.shop("shop");
        loadTest.getSpec().setImage("registry.example.com/stampede-runner:0.2.0");
        LoadTest created = client.resource(loadTest).inNamespace(ns).create();
        await().untilAsserted(() -> assertThat(status(ns, "shop").getPhase()).isEqualTo("Provisioning"));

        NetworkPolicy workers = client.network().v1().networkPolicies().inNamespace(ns).withName("shop-1-workers").get();
        assertThat(workers.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo(created.getMetadata().getUid());
        assertThat(workers.getSpec().getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/component", "worker").containsEntry("stampede.io/run", "1");
        assertThat(workers.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(workers.getSpec().getIngress()).isEmpty();
        List<NetworkPolicyEgressRule> egress = workers.getSpec().getEgress();
        assertThat(egress).hasSize(3);
        assertThat(egress.get(0).getTo()).as("DNS, wherever the cluster serves it").isEmpty();
        assertThat(egress.get(0).getPorts()).extracting(NetworkPolicyPort::getProtocol, p -> p.getPort().getIntVal())
                .containsExactly(tuple("UDP", 53), tuple("TCP", 53));
        assertThat(egress.get(1).getTo()).extracting(NetworkPolicyPeer::getPodSelector)
                .extracting(selector -> selector.getMatchLabels().get("app.kubernetes.io/component"))
                .containsExactly("master");
        assertThat(egress.get(1).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(5557);
        assertThat(egress.get(2).getTo()).as("the target's namespace, staging").extracting(NetworkPolicyPeer::getNamespaceSelector)
                .extracting(selector -> selector.getMatchLabels())
                .containsExactly(Map.of("kubernetes.io/metadata.name", "staging"));

        NetworkPolicy master = client.network().v1().networkPolicies().inNamespace(ns).withName("shop-1-master").get();
        assertThat(master.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component", "master");
        assertThat(master.getSpec().getPolicyTypes()).containsExactly("Egress");
        assertThat(master.getSpec().getEgress()).as("the master calls no one; workers and the operator call it").isEmpty();
        assertThat(client.pods().inNamespace(ns).withName("shop-1-master").get().getSpec().getContainers().get(0)
                .getImage()).isEqualTo("registry.example.com/stampede-runner:0.2.0");
    }

    private void assertNothingCreated(String ns, String name) {
        assertThat(client.pods().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.batch().v1().jobs().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace(ns).withLabel("app.kubernetes.io/instance", name).list().getItems())
                .isEmpty();
    }

    private void create(String namespace, LoadTest loadTest) {
        client.resource(loadTest).inNamespace(namespace).create();
    }

    private LoadTestStatus status(String namespace, String name) {
        LoadTest loadTest = client.resources(LoadTest.class).inNamespace(namespace).withName(name).get();
        assertThat(loadTest.getStatus()).as("status of " + name).isNotNull();
        return loadTest.getStatus();
    }
}
