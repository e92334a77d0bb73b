package io.stampede.operator.dependent;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.build.WorkerJobBuilder;
import io.stampede.operator.build.RunnerDefaults;

/** The Indexed Job of the workers; its pod template is immutable, so it is only ever created. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.WORKER))
public class WorkerJob extends RunDependent<Job> {

    public WorkerJob() {
        super(Job.class);
    }

    @Override
    Job build(LoadTest loadTest, int run, RunnerDefaults defaults) {
        return WorkerJobBuilder.build(loadTest, run, defaults);
    }
}
