package io.stampede.runner.cluster.master;

import io.stampede.runner.cluster.protocol.WorkerMessage;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.stats.IntervalStats;
import io.stampede.runner.stats.StatsAggregator;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drives a {@link MasterCoordinator} from one thread of its own ({@code stampede-master}): transports' callbacks
 * and the 100 ms tick are queued onto it, so the coordinator never sees two things at once and no transport
 * thread waits for it. The thread ends with the run.
 */
public final class MasterRun implements MasterEndpoint {

    static final long TICK_MILLIS = 100;

    private final TestPlan plan;
    private final MasterCoordinator coordinator;
    private final ScheduledExecutorService thread;

    public MasterRun(TestPlan plan, MasterSettings settings, MasterEvents events,
                     Consumer<IntervalStats> intervalListener) {
        this.plan = plan;
        this.coordinator = new MasterCoordinator(plan, settings, MasterClock.SYSTEM, events, intervalListener);
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread master = new Thread(runnable, "stampede-master");
            master.setDaemon(true);
            return master;
        });
    }

    /** Starts ticking; the future completes when the run is over (see {@link MasterCoordinator#outcome()}). */
    public CompletableFuture<MasterOutcome> start() {
        thread.scheduleAtFixedRate(() -> guarded(coordinator::tick), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return coordinator.outcome().whenComplete((outcome, error) -> thread.shutdown());
    }

    @Override
    public void connected(WorkerConnection connection) {
        post(() -> coordinator.connected(connection));
    }

    @Override
    public void received(WorkerConnection connection, WorkerMessage message) {
        post(() -> coordinator.received(connection, message));
    }

    @Override
    public void closed(WorkerConnection connection, String reason) {
        post(() -> coordinator.closed(connection, reason));
    }

    /** The test's setup succeeded with these values; safe from any thread. */
    public void setupFinished(Map<String, String> values) {
        post(() -> coordinator.setupFinished(values));
    }

    /** The test's setup failed (exit 3); safe from any thread. */
    public void setupFailed(String reason) {
        post(() -> coordinator.setupFailed(reason));
    }

    /** Stops the run early; safe from any thread (a shutdown hook, the HTTP API). */
    public void abort(String reason) {
        post(() -> coordinator.abort(reason));
    }

    /** The latest picture; safe from any thread. */
    public MasterStatus status() {
        return coordinator.status();
    }

    /** The plan this master runs. */
    public TestPlan plan() {
        return plan;
    }

    /** The merged stats, or null before users started; safe from any thread. */
    public StatsAggregator stats() {
        return coordinator.stats();
    }

    private void post(Runnable task) {
        try {
            thread.execute(() -> guarded(task));
        } catch (RejectedExecutionException runIsOver) {
            // The run has ended: what arrives now (a worker closing its channel) changes nothing.
        }
    }

    /** A bug in the coordinator must end the run with its reason, not leave it waiting forever. */
    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            coordinator.outcome().completeExceptionally(e);
        }
    }
}
