package io.stampede.operator.dependent;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.build.RunNames;
import io.stampede.operator.build.RunnerDefaults;
import io.stampede.operator.build.WorkerTokenBuilder;

/** The Secret with the run's master/worker token: a fresh random token, made once per run. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.TOKEN))
public class WorkerTokenSecret extends RunDependent<Secret> {

    public WorkerTokenSecret() {
        super(Secret.class);
    }

    @Override
    Secret build(LoadTest loadTest, int run, RunnerDefaults defaults) {
        return WorkerTokenBuilder.build(loadTest, run, WorkerTokenBuilder.newToken());
    }

    /** Finds the existing Secret by name, without drawing a token that would be thrown away. */
    @Override
    protected ResourceID targetSecondaryResourceID(LoadTest loadTest, Context<LoadTest> context) {
        return new ResourceID(RunNames.of(loadTest, loadTest.getStatus().getRun()).workerToken(),
                loadTest.getMetadata().getNamespace());
    }
}
