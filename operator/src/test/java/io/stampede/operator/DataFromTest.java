package io.stampede.operator;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
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
 * spec.data in a cluster: its files come from the ConfigMaps of spec.dataFrom. The operator checks them with the
 * runner's own validator (the real columns and rows), mounts each file beside the LoadTest file in the master pod,
 * and stops with phase Error (condition Stalled) and the field path when a ConfigMap or key is missing. Against the
 * Fabric8 mock API server.
 */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(FakeMasterResource.class)
class DataFromTest {

    private static final String ACCOUNTS = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata:
              name: NAME
            spec:
              target: http://shop.staging.svc:8080
              load: {users: 4, duration: 1m}
              workers: 2
              data:
                accounts: {csv: data/accounts.csv, pick: unique}
              dataFrom:
                - configMap: shop-accounts
              userClasses:
                - name: shopper
                  onStart:
                    - request: {method: POST, path: /api/auth/login, json: {email: "${accounts.email}"}}
                  tasks:
                    - {name: list products, request: {method: GET, path: /api/products}}
            """;

    @Inject
    KubernetesClient client;

    private void accounts(String ns, String key, int rows) {
        StringBuilder csv = new StringBuilder("email,password\n");
        for (int i = 1; i <= rows; i++) csv.append("user").append(i).append("@example.com,secret-").append(i).append('\n');
        client.resource(new ConfigMapBuilder().withNewMetadata().withName("shop-accounts").endMetadata()
                .withData(Map.of(key, csv.toString())).build()).inNamespace(ns).create();
    }

    @Test
    void theDataFileIsMountedBesideTheLoadTestFileInTheMasterPod() {
        String ns = "data-ok";
        accounts(ns, "accounts.csv", 4);
        create(ns, ACCOUNTS.replace("NAME", "shop"));

        await().untilAsserted(() -> assertThat(status(ns, "shop").getPhase()).isEqualTo("Provisioning"));
        Pod master = client.pods().inNamespace(ns).withName("shop-1-master").get();
        Volume test = master.getSpec().getVolumes().stream().filter(v -> v.getName().equals("test")).findFirst()
                .orElseThrow();
        List<VolumeProjection> sources = test.getProjected().getSources();
        assertThat(sources).extracting(s -> s.getConfigMap().getName())
                .containsExactly("shop-1-test", "shop-accounts");
        assertThat(sources.get(1).getConfigMap().getItems()).extracting("key", "path")
                .containsExactly(tuple("accounts.csv", "data/accounts.csv"));
        assertThat(master.getSpec().getContainers().get(0).getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getName()).isEqualTo("test"));
    }

    @Test
    void aMissingConfigMapIsAnErrorAtItsFieldPathAndNothingStarts() {
        String ns = "data-nocm";
        create(ns, ACCOUNTS.replace("NAME", "nocm"));

        await().untilAsserted(() -> {
            LoadTestStatus status = status(ns, "nocm");
            assertThat(status.getPhase()).isEqualTo("Error");
            assertThat(status.getMessage()).isEqualTo("invalid LoadTest: spec.dataFrom[0].configMap: the ConfigMap "
                    + "shop-accounts does not exist in namespace data-nocm; spec.data.accounts.csv: no ConfigMap of "
                    + "spec.dataFrom has the key accounts.csv");
            assertThat(LoadTestLifecycleTest.condition(status, "Stalled").getStatus()).isEqualTo("True");
        });
        assertNothingCreated(ns);
    }

    @Test
    void aConfigMapWithoutTheKeyIsAnErrorNamingTheKeysItHas() {
        String ns = "data-nokey";
        accounts(ns, "users.csv", 4);
        create(ns, ACCOUNTS.replace("NAME", "nokey"));

        await().untilAsserted(() -> assertThat(status(ns, "nokey").getMessage()).isEqualTo("invalid LoadTest: "
                + "spec.data.accounts.csv: no ConfigMap of spec.dataFrom has the key accounts.csv (shop-accounts has "
                + "users.csv)"));
        assertThat(status(ns, "nokey").getPhase()).isEqualTo("Error");
        assertNothingCreated(ns);
    }

    @Test
    void theFileIsCheckedAsTheMasterWillCheckItColumnsAndRowsForUnique() {
        String ns = "data-short";
        accounts(ns, "accounts.csv", 3);
        create(ns, ACCOUNTS.replace("NAME", "short").replace("${accounts.email}", "${accounts.mail}"));

        await().untilAsserted(() -> assertThat(status(ns, "short").getPhase()).isEqualTo("Error"));
        assertThat(status(ns, "short").getMessage()).isEqualTo("invalid LoadTest: spec.data.accounts.pick: unique "
                + "gives each user a row of its own: the load runs up to 4 users at once, data/accounts.csv has 3 rows "
                + "(add rows, lower the users, or pick sequential or random); "
                + "spec.userClasses[0].onStart[0].request.json.email: unknown column 'mail' of data source 'accounts'; "
                + "its columns: email, password at position 1")
                .doesNotContain("secret-");
        assertNothingCreated(ns);
    }

    private void assertNothingCreated(String ns) {
        assertThat(client.pods().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.batch().v1().jobs().inNamespace(ns).list().getItems()).isEmpty();
    }

    private void create(String namespace, String yaml) {
        client.resource(SampleLoadTests.parse(yaml)).inNamespace(namespace).create();
    }

    private LoadTestStatus status(String namespace, String name) {
        LoadTest loadTest = client.resources(LoadTest.class).inNamespace(namespace).withName(name).get();
        assertThat(loadTest.getStatus()).as("status of " + name).isNotNull();
        return loadTest.getStatus();
    }
}
