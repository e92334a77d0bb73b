package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.stampede.operator.api.LoadTest;

/** The ConfigMap holding the LoadTest document the master runs (the spec as it was when the run started). */
public final class TestConfigMapBuilder {

    private TestConfigMapBuilder() {
    }

    public static ConfigMap build(LoadTest loadTest, int run) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(RunNames.of(loadTest, run).testConfigMap())
                .withNamespace(loadTest.getMetadata().getNamespace())
                .withLabels(RunLabels.of(loadTest, run, "test"))
                .endMetadata()
                .addToData(TestDocument.FILE_NAME, TestDocument.yaml(loadTest))
                .build();
    }
}
