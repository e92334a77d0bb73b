package io.stampede.operator.dependent;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.build.MasterServiceBuilder;
import io.stampede.operator.build.RunnerDefaults;

/** The master's Service, for the workers and the operator. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.MASTER))
public class MasterService extends RunDependent<Service> {

    public MasterService() {
        super(Service.class);
    }

    @Override
    Service build(LoadTest loadTest, int run, RunnerDefaults defaults) {
        return MasterServiceBuilder.build(loadTest, run);
    }
}
