package io.stampede.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.ResourceIDMapper;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.stampede.operator.api.DataFromSpec;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.Phase;
import io.stampede.operator.api.WorkersStatus;
import io.stampede.operator.build.MasterPodBuilder;
import io.stampede.operator.build.RunNames;
import io.stampede.operator.build.RunnerDefaults;
import io.stampede.operator.build.WorkerTokenBuilder;
import io.stampede.operator.check.DataFromFiles;
import io.stampede.operator.check.ImageAllowlist;
import io.stampede.operator.check.RunPolicy;
import io.stampede.operator.check.SpecValidator;
import io.stampede.operator.check.TargetAllowlist;
import io.stampede.operator.config.OperatorSettings;
import io.stampede.operator.dependent.MasterNetworkPolicy;
import io.stampede.operator.dependent.MasterPod;
import io.stampede.operator.dependent.MasterService;
import io.stampede.operator.dependent.RunDependent;
import io.stampede.operator.dependent.TestConfigMap;
import io.stampede.operator.dependent.WorkerJob;
import io.stampede.operator.dependent.WorkerNetworkPolicy;
import io.stampede.operator.dependent.WorkerTokenSecret;
import io.stampede.operator.metrics.LoadTestMetrics;
import io.stampede.operator.progress.MasterClient;
import io.stampede.operator.progress.MasterObservation;
import io.stampede.operator.progress.MasterPoller;
import io.stampede.operator.progress.MasterStop;
import io.stampede.operator.run.Admission;
import io.stampede.operator.run.FollowRun;
import io.stampede.operator.run.RunAnnotations;
import io.stampede.operator.run.RunCleanup;
import io.stampede.operator.run.RunEventFilter;
import io.stampede.operator.run.StartRun;
import io.stampede.operator.run.StopRun;
import io.stampede.operator.status.Conditions;
import io.stampede.operator.status.PhaseEvents;
import io.stampede.operator.status.ProblemEvents;
import io.stampede.operator.status.ReconcileErrors;
import io.stampede.operator.status.Statuses;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * Turns a LoadTest into a run and follows it: Pending (admission: valid spec, allowed target, a free slot) →
 * Provisioning (the workflow creates the test ConfigMap, the token Secret, the master pod and Service and the
 * worker Job) → Running → the master's verdict, with the summary in the status. Thin on purpose: each step is a
 * pure function in {@code run/} and {@code status/}; objects are built in {@code build/}; the master is read
 * off this thread by {@link MasterPoller}.
 * <p>The workflow runs only while a run is being provisioned, never after: a run's objects are made once, so a
 * deleted master pod is reported as lost instead of being silently replaced by a master that cannot resume.
 * <p>Users act on a run with annotations ({@link RunAnnotations}: stop, rerun), which do not change the generation:
 * {@link RunEventFilter} lets those changes through instead of JOSDK's generation-aware filter.
 */
@ControllerConfiguration(name = LoadTestReconciler.NAME, generationAwareEventProcessing = false,
        informer = @Informer(onUpdateFilter = RunEventFilter.class))
@Workflow(explicitInvocation = true, dependents = {
        @Dependent(name = "test", type = TestConfigMap.class),
        @Dependent(name = "token", type = WorkerTokenSecret.class),
        @Dependent(name = "master-network", type = MasterNetworkPolicy.class),
        @Dependent(name = "worker-network", type = WorkerNetworkPolicy.class),
        @Dependent(name = "master-pod", type = MasterPod.class,
                dependsOn = {"test", "token", "master-network", "worker-network"}),
        @Dependent(name = "master-service", type = MasterService.class, dependsOn = "master-pod"),
        @Dependent(name = "workers", type = WorkerJob.class, dependsOn = "master-service")})
public class LoadTestReconciler implements Reconciler<LoadTest>, Cleaner<LoadTest> {

    /** The controller's name, as Quarkus Operator SDK settings spell it: quarkus.operator-sdk.controllers.loadtest.* */
    public static final String NAME = "loadtest";

    /** How soon a LoadTest waiting for a slot under the namespace's cap looks again. */
    private static final Duration SLOT_RETRY = Duration.ofSeconds(10);
    /**
     * How soon a run that finished while its spec or rerun annotation already asked for another starts the next:
     * no event would come for it otherwise (the operator's own status patch does not trigger a reconcile).
     */
    private static final Duration NEXT_RUN_AFTER = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(LoadTestReconciler.class);

    private final OperatorSettings settings;
    private final LoadTestMetrics metrics;
    private final Clock clock;
    private final RunPolicy policy;
    private final MasterClient masterClient = new MasterClient();

    public LoadTestReconciler(OperatorSettings settings, LoadTestMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
        this.policy = new RunPolicy(new TargetAllowlist(settings.targetAllowlist().orElse(List.of())),
                new ImageAllowlist(settings.runnerImage(), settings.allowedImages().orElse(List.of())));
    }

    @Override
    public List<EventSource<?, LoadTest>> prepareEventSources(EventSourceContext<LoadTest> context) {
        MasterPoller poller = new MasterPoller(masterClient, settings.masterUrl(), clock);
        return List.of(new PerResourcePollingEventSource<>(MasterObservation.class, context,
                new PerResourcePollingConfigurationBuilder<MasterObservation, LoadTest, String>(poller,
                        settings.progressInterval())
                        .withName("master")
                        .withResourceIDMapper(ResourceIDMapper.singleResourceResourceIDMapper())
                        .build()));
    }

    @Override
    public UpdateControl<LoadTest> reconcile(LoadTest loadTest, Context<LoadTest> context) {
        Instant now = clock.instant();
        LoadTestStatus before = loadTest.getStatus() == null ? null : Statuses.copy(loadTest.getStatus());
        if (loadTest.getStatus() != null) ReconcileErrors.recovered(loadTest.getStatus());
        if (StartRun.needed(loadTest)) {
            loadTest.setStatus(StartRun.next(loadTest));
            int run = loadTest.getStatus().getRun();
            RunCleanup.delete(context.getClient(), loadTest, other -> other != run);
        }
        StopRun.Action stop = StopRun.action(loadTest);
        if (stop == StopRun.Action.ABORT_BEFORE_START) StopRun.abortedBeforeStart(loadTest.getStatus(), now);
        Duration next = switch (Phase.of(loadTest.getStatus())) {
            case Pending -> admit(loadTest, context, now);
            case Provisioning, Running -> follow(loadTest, context, now);
            case Succeeded, Failed, Error, Aborted -> expire(loadTest, context, now);
        };
        if (stop == StopRun.Action.ASK_MASTER && Phase.of(loadTest.getStatus()).isActive()) {
            stopThroughTheMaster(loadTest, context);
        } else if (stop != StopRun.Action.NONE) {
            forgetStopAnnotation(loadTest, context);
        }
        if (Phase.of(loadTest.getStatus()).isFinished() && StartRun.needed(loadTest)) next = NEXT_RUN_AFTER;
        LoadTestStatus status = loadTest.getStatus();
        Conditions.specChanged(status, loadTest.getMetadata().getGeneration(), now);
        Conditions.derive(status, status.getObservedGeneration(), now);
        metrics.record(loadTest, status);
        PhaseEvents.of(loadTest, before, status, now).ifPresent(event -> record(context, event));
        ProblemEvents.of(loadTest, before, status, now).forEach(event -> record(context, event));
        UpdateControl<LoadTest> control = before != null && Statuses.same(before, status)
                ? UpdateControl.noUpdate() : UpdateControl.patchStatus(loadTest);
        return next == null ? control : control.rescheduleAfter(next);
    }

    /**
     * A reconcile threw: the error goes into the status as last stored (not the half-changed copy the failed
     * reconcile left behind), as the condition ReconcileError and the message. JOSDK retries with back-off; the
     * next reconcile that succeeds removes the condition.
     */
    @Override
    public ErrorStatusUpdateControl<LoadTest> updateErrorStatus(LoadTest loadTest, Context<LoadTest> context,
                                                               Exception error) {
        LoadTest stored = context.getPrimaryCache().get(ResourceID.fromResource(loadTest)).orElse(loadTest);
        LoadTestStatus status = stored.getStatus() == null ? new LoadTestStatus() : Statuses.copy(stored.getStatus());
        boolean lastTry = context.getRetryInfo().map(RetryInfo::isLastAttempt).orElse(false);
        ReconcileErrors.failed(status, error, lastTry, loadTest.getMetadata().getGeneration(), clock.instant());
        loadTest.setStatus(status);
        return ErrorStatusUpdateControl.patchStatus(loadTest);
    }

    /**
     * Creates an Event; one that exists already (the same change computed again) is skipped, one that cannot be
     * written is logged: neither fails the reconcile.
     */
    private static void record(Context<LoadTest> context, Event event) {
        try {
            context.getClient().v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) return;
            LOG.warnf("could not record the Event %s for %s/%s: %s", event.getReason(),
                    event.getInvolvedObject().getNamespace(), event.getInvolvedObject().getName(), e.getMessage());
        }
    }

    /** Pending: provision the run when it is admitted; report why when it is not. */
    private Duration admit(LoadTest loadTest, Context<LoadTest> context, Instant now) {
        LoadTestStatus status = loadTest.getStatus();
        DataFromFiles.Result dataFiles = DataFromFiles.resolve(loadTest, dataFromConfigMaps(loadTest, context));
        if (!dataFiles.problems().isEmpty()) {
            loadTest.setStatus(FollowRun.error(status, SpecValidator.describe(dataFiles.problems()), now));
            return null;
        }
        Admission.Verdict verdict = Admission.check(loadTest, dataFiles.data(), policy,
                activeInNamespace(loadTest, context), settings.maxConcurrentPerNamespace());
        if (verdict.rejected()) {
            loadTest.setStatus(FollowRun.error(status, verdict.message(), now));
            return null;
        }
        if (!verdict.admitted()) {
            status.setMessage(verdict.message());
            return SLOT_RETRY;
        }
        var workflow = context.managedWorkflowAndDependentResourceContext();
        workflow.put(RunDependent.DEFAULTS, new RunnerDefaults(settings.runnerImage(), settings.workersConnectTimeout()));
        workflow.put(MasterPod.DATA_FILES, new MasterPod.DataFiles(dataFiles.mounts()));
        workflow.reconcileManagedWorkflow();
        WorkersStatus workers = new WorkersStatus();
        workers.setExpected(MasterPodBuilder.workers(loadTest));
        workers.setConnected(0);
        status.setWorkers(workers);
        status.setPhase(Phase.Provisioning.name());
        status.setMessage("starting the master and " + workers.getExpected() + " worker(s)");
        return settings.progressInterval();
    }

    /** The ConfigMaps spec.dataFrom names that exist, by name (read when a run is admitted, not watched). */
    private static Map<String, ConfigMap> dataFromConfigMaps(LoadTest loadTest, Context<LoadTest> context) {
        Map<String, ConfigMap> found = new HashMap<>();
        List<DataFromSpec> from = loadTest.getSpec().getDataFrom();
        if (from == null) return found;
        for (DataFromSpec source : from) {
            if (source.getConfigMap() == null) continue;
            ConfigMap map = context.getClient().configMaps().inNamespace(loadTest.getMetadata().getNamespace())
                    .withName(source.getConfigMap()).get();
            if (map != null) found.put(source.getConfigMap(), map);
        }
        return found;
    }

    /** Provisioning or Running: follow the master and its pod. */
    private Duration follow(LoadTest loadTest, Context<LoadTest> context, Instant now) {
        String masterPodName = RunNames.of(loadTest, loadTest.getStatus().getRun()).masterPod();
        Optional<Pod> masterPod = context.getSecondaryResources(Pod.class).stream()
                .filter(pod -> pod.getMetadata().getName().equals(masterPodName)).findFirst();
        Optional<MasterObservation> observation = context.getSecondaryResource(MasterObservation.class);
        FollowRun.Limits limits = new FollowRun.Limits(settings.masterLostAfter(),
                settings.workersConnectTimeout().plus(settings.masterLostAfter()));
        loadTest.setStatus(FollowRun.follow(loadTest.getStatus(), masterPod, observation, now, limits));
        return Phase.of(loadTest.getStatus()).isActive() ? settings.progressInterval() : expire(loadTest, context, now);
    }

    /**
     * The stop annotation on an active run: ask the master (with the run's token) to stop; it then reports Aborted
     * with its summary, which {@link #follow} reads. Once asked, the annotation goes, so that the next run is not
     * stopped too; when the master cannot be asked it stays, and the next reconcile asks again.
     */
    private void stopThroughTheMaster(LoadTest loadTest, Context<LoadTest> context) {
        int run = loadTest.getStatus().getRun();
        Secret secret = context.getClient().secrets().inNamespace(loadTest.getMetadata().getNamespace())
                .withName(RunNames.of(loadTest, run).workerToken()).get();
        String token = secret == null ? "" : WorkerTokenBuilder.tokenOf(secret);
        Optional<String> failure = token.isEmpty() ? Optional.of("the run's token Secret is missing")
                : MasterStop.ask(masterClient, MasterPoller.baseUrl(settings.masterUrl(), loadTest, run), token);
        if (failure.isPresent()) {
            loadTest.getStatus().setMessage(StopRun.notAskedMessage(failure.get()));
            return;
        }
        loadTest.getStatus().setMessage(StopRun.askedMessage());
        forgetStopAnnotation(loadTest, context);
    }

    /**
     * Removes the stop annotation (a JSON patch of that key alone; the spec and other annotations stay). A reconcile
     * that read a cache not yet updated may find it gone already (422) or the LoadTest deleted (404): nothing to do.
     */
    private static void forgetStopAnnotation(LoadTest loadTest, Context<LoadTest> context) {
        String path = "/metadata/annotations/" + RunAnnotations.STOP.replace("~", "~0").replace("/", "~1");
        try {
            context.getClient().resources(LoadTest.class).inNamespace(loadTest.getMetadata().getNamespace())
                    .withName(loadTest.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"remove\",\"path\":\"" + path + "\"}]");
        } catch (KubernetesClientException e) {
            if (e.getCode() != 422 && e.getCode() != 404) throw e;
        }
    }

    /** Finished: once ttlSecondsAfterFinished is up, delete the run's objects (the LoadTest and its status stay). */
    private Duration expire(LoadTest loadTest, Context<LoadTest> context, Instant now) {
        Integer ttl = loadTest.getSpec().getTtlSecondsAfterFinished();
        String completion = loadTest.getStatus().getCompletionTime();
        if (ttl == null || completion == null) return null;
        Instant due = Instant.parse(completion).plusSeconds(ttl);
        if (now.isBefore(due)) return Duration.between(now, due);
        RunCleanup.delete(context.getClient(), loadTest, run -> true);
        return null;
    }

    private static int activeInNamespace(LoadTest loadTest, Context<LoadTest> context) {
        String namespace = loadTest.getMetadata().getNamespace();
        return (int) context.getPrimaryCache().list(namespace)
                .filter(other -> !other.getMetadata().getName().equals(loadTest.getMetadata().getName()))
                .filter(other -> Phase.of(other.getStatus()).isActive())
                .count();
    }

    @Override
    public DeleteControl cleanup(LoadTest loadTest, Context<LoadTest> context) {
        metrics.forget(loadTest);
        return DeleteControl.defaultDelete();
    }
}
