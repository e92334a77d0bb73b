package io.stampede.operator.dependent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.build.TestConfigMapBuilder;
import io.stampede.operator.build.RunnerDefaults;

/** The ConfigMap with the LoadTest document the master runs. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.TEST))
public class TestConfigMap extends RunDependent<ConfigMap> {

    public TestConfigMap() {
        super(ConfigMap.class);
    }

    @Override
    ConfigMap build(LoadTest loadTest, int run, RunnerDefaults defaults) {
        return TestConfigMapBuilder.build(loadTest, run);
    }
}
