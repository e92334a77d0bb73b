package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.stampede.operator.api.LoadTest;

import java.util.List;

/**
 * The workers of a run: an Indexed Job with one pod per worker, all running at once. Each index may fail once
 * without failing the others ({@code backoffLimitPerIndex: 0}): a failed worker is not restarted, because a
 * worker cannot join a run that has started; the master moves its users to the rest and reports the loss.
 */
public final class WorkerJobBuilder {

    private WorkerJobBuilder() {
    }

    public static Job build(LoadTest loadTest, int run, RunnerDefaults defaults) {
        RunNames names = RunNames.of(loadTest, run);
        int workers = MasterPodBuilder.workers(loadTest);
        Container container = RunnerPods.container(PodShape.Role.WORKER, loadTest, defaults, args(names, defaults),
                List.of(podName())).build();
        return new JobBuilder()
                .withNewMetadata()
                .withName(names.workerJob())
                .withNamespace(loadTest.getMetadata().getNamespace())
                .withLabels(RunLabels.of(loadTest, run, "worker"))
                .endMetadata()
                .withNewSpec()
                .withCompletionMode("Indexed")
                .withCompletions(workers)
                .withParallelism(workers)
                .withBackoffLimitPerIndex(0)
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(PodShape.labels(loadTest, PodShape.Role.WORKER, RunLabels.of(loadTest, run, "worker")))
                .withAnnotations(PodShape.annotations(loadTest, PodShape.Role.WORKER))
                .endMetadata()
                .withSpec(RunnerPods.podSpec(PodShape.Role.WORKER, loadTest, names, container).build())
                .endTemplate()
                .endSpec()
                .build();
    }

    static List<String> args(RunNames names, RunnerDefaults defaults) {
        return List.of("worker",
                "--master", names.masterService() + ":" + RunnerPods.MASTER_PORT,
                "--token-file", RunnerPods.TOKEN_FILE,
                "--connect-timeout", RunnerPods.seconds(defaults.workersConnectTimeout()),
                "--name", "$(POD_NAME)");
    }

    private static EnvVar podName() {
        return new EnvVarBuilder().withName("POD_NAME")
                .withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom()
                .build();
    }
}
