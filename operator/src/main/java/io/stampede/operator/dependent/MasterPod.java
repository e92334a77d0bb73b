package io.stampede.operator.dependent;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.build.MasterPodBuilder;
import io.stampede.operator.build.RunnerDefaults;

/** The master pod of the current run (a bare pod, never restarted). */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.MASTER))
public class MasterPod extends RunDependent<Pod> {

    public MasterPod() {
        super(Pod.class);
    }

    @Override
    Pod build(LoadTest loadTest, int run, RunnerDefaults defaults) {
        return MasterPodBuilder.build(loadTest, run, defaults);
    }
}
