package io.stampede.operator.dependent;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.build.RunNetworkPolicyBuilder;
import io.stampede.operator.build.RunnerDefaults;

/** The NetworkPolicy confining the master pod of the current run (no egress); made before any pod of the run. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.MASTER))
public class MasterNetworkPolicy extends RunDependent<NetworkPolicy> {

    public MasterNetworkPolicy() {
        super(NetworkPolicy.class);
    }

    @Override
    NetworkPolicy build(LoadTest loadTest, int run, RunnerDefaults defaults) {
        return RunNetworkPolicyBuilder.master(loadTest, run);
    }
}
