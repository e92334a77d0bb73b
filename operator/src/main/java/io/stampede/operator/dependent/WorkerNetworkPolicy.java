package io.stampede.operator.dependent;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.build.RunNetworkPolicyBuilder;
import io.stampede.operator.build.RunnerDefaults;

/** The NetworkPolicy confining the worker pods of the current run (master, DNS, target); made before any pod. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.WORKER))
public class WorkerNetworkPolicy extends RunDependent<NetworkPolicy> {

    public WorkerNetworkPolicy() {
        super(NetworkPolicy.class);
    }

    @Override
    NetworkPolicy build(LoadTest loadTest, int run, RunnerDefaults defaults) {
        return RunNetworkPolicyBuilder.workers(loadTest, run);
    }
}
