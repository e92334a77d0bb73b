package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.stampede.operator.api.LoadTest;

/** The master's Service: where workers connect and where the operator reads the master's status and report. */
public final class MasterServiceBuilder {

    private MasterServiceBuilder() {
    }

    public static Service build(LoadTest loadTest, int run) {
        RunNames names = RunNames.of(loadTest, run);
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(names.masterService())
                .withNamespace(loadTest.getMetadata().getNamespace())
                .withLabels(RunLabels.of(loadTest, run, "master"))
                .endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(RunLabels.selector(loadTest, run, "master"))
                .addNewPort().withName(RunnerPods.PORT_NAME).withPort(RunnerPods.MASTER_PORT)
                .withTargetPort(new IntOrString(RunnerPods.PORT_NAME)).withProtocol("TCP").endPort()
                .endSpec()
                .build();
    }
}
