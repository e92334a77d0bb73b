package io.stampede.operator.dependent;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.stampede.operator.build.DataFileMount;
import java.util.List;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.build.MasterPodBuilder;
import io.stampede.operator.build.RunnerDefaults;

/** The master pod of the current run (a bare pod, never restarted). */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.MASTER))
public class MasterPod extends RunDependent<Pod> {

    /** Key of the {@link DataFiles} in the workflow context, put by the reconciler when it admits a run. */
    public static final String DATA_FILES = "stampede.dataFiles";

    /** The spec.data files the master pod mounts (a type of its own for the workflow context's typed get). */
    public record DataFiles(List<DataFileMount> mounts) {
        public DataFiles {
            mounts = List.copyOf(mounts);
        }
    }

    public MasterPod() {
        super(Pod.class);
    }

    @Override
    protected Pod desired(LoadTest loadTest, Context<LoadTest> context) {
        RunnerDefaults defaults = context.managedWorkflowAndDependentResourceContext()
                .getMandatory(DEFAULTS, RunnerDefaults.class);
        List<DataFileMount> files = context.managedWorkflowAndDependentResourceContext()
                .get(DATA_FILES, DataFiles.class).map(DataFiles::mounts).orElse(List.of());
        return MasterPodBuilder.build(loadTest, loadTest.getStatus().getRun(), defaults, files);
    }

    @Override
    Pod build(LoadTest loadTest, int run, RunnerDefaults defaults) {
        return MasterPodBuilder.build(loadTest, run, defaults);
    }
}
