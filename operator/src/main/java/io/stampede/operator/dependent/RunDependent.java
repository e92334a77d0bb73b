package io.stampede.operator.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.build.RunnerDefaults;

/**
 * An object of the current run, built by a pure builder. Created once and never updated: a run keeps the spec it
 * started with (a spec change during a run is reported, not applied), and a Job's pod template or a Secret's token
 * must not change under running pods. Owned by the LoadTest, so deleting the LoadTest deletes it.
 * <p>The reconciler puts the run number into {@code status.run} and the operator's defaults into the workflow
 * context before it invokes the workflow; both are read here.
 */
public abstract class RunDependent<R extends HasMetadata> extends KubernetesDependentResource<R, LoadTest>
        implements Creator<R, LoadTest>, GarbageCollected<LoadTest> {

    /** Key of the {@link RunnerDefaults} in the workflow context. */
    public static final String DEFAULTS = "stampede.runnerDefaults";

    RunDependent(Class<R> type) {
        super(type);
    }

    /** Builds the object of run {@code run}: a pure function of its inputs. */
    abstract R build(LoadTest loadTest, int run, RunnerDefaults defaults);

    @Override
    protected R desired(LoadTest loadTest, Context<LoadTest> context) {
        RunnerDefaults defaults = context.managedWorkflowAndDependentResourceContext()
                .getMandatory(DEFAULTS, RunnerDefaults.class);
        return build(loadTest, loadTest.getStatus().getRun(), defaults);
    }
}
