package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.model.spec.LoadTestDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestConfigMapBuilderTest {

    @Test
    void holdsTheTestDocumentWhereTheMasterPodMountsIt() throws Exception {
        BuildInput input = new BuildInput();

        ConfigMap configMap = TestConfigMapBuilder.build(input.loadTest, 1);

        assertThat(configMap.getMetadata().getName()).isEqualTo("shop-1-test");
        assertThat(configMap.getMetadata().getNamespace()).isEqualTo("perf");
        assertThat(configMap.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/component", "test")
                .containsEntry("app.kubernetes.io/instance", "shop")
                .containsEntry("stampede.io/run", "1");
        assertThat(configMap.getData()).containsOnlyKeys("loadtest.yaml");
        LoadTestDocument document = LoadTestParser.parse(configMap.getData().get("loadtest.yaml"));
        assertThat(document.spec().target()).isEqualTo("http://shop.staging.svc:8080");
        var master = MasterPodBuilder.build(input.loadTest, 1, input.defaults);
        assertThat(master.getSpec().getVolumes()).filteredOn(volume -> volume.getConfigMap() != null)
                .extracting(volume -> volume.getConfigMap().getName()).containsExactly("shop-1-test");
        assertThat(master.getSpec().getContainers().get(0).getArgs()).contains("/etc/stampede/loadtest.yaml");
    }

    @Test
    void keepsTheSpecAsItWasWhenTheRunStarted() {
        BuildInput input = new BuildInput();
        ConfigMap run1 = TestConfigMapBuilder.build(input.loadTest, 1);

        input.loadTest.getSpec().getLoad().setUsers(500);
        ConfigMap run2 = TestConfigMapBuilder.build(input.loadTest, 2);

        assertThat(run1.getData().get("loadtest.yaml")).contains("users: 10").doesNotContain("users: 500");
        assertThat(run2.getData().get("loadtest.yaml")).contains("users: 500");
        assertThat(run2.getMetadata().getName()).isEqualTo("shop-2-test");
    }
}
