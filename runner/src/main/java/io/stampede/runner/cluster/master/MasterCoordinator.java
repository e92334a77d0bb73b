package io.stampede.runner.cluster.master;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cluster.protocol.MasterMessage;
import io.stampede.runner.cluster.protocol.Protocol;
import io.stampede.runner.cluster.protocol.WorkerMessage;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.stats.HumanFormat;
import io.stampede.runner.stats.IntervalStats;
import io.stampede.runner.stats.StatsAggregator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The master's state machine: registration, the start, users per worker, heartbeats, lost workers, the merge of
 * snapshots and the end. It does no I/O and reads time only from its {@link MasterClock}, so it is tested
 * without servers or sleeps; {@link MasterRun} drives it from one thread.
 *
 * <p>Phases: PENDING until the expected workers are ready (or the wait times out: the run cannot happen),
 * RUNNING while the load plan goes on, STOPPING until every worker sent its last snapshot, DONE.
 * Users follow the plan on the master and are dealt to the workers ({@link UserDealer}); a lost worker's users
 * are dealt to the others at once. In the open model the arrivals are dealt instead, and a lost worker's share
 * moves to the others from an arrival not yet due ({@link ArrivalDealer}); what it was given up to then and never
 * reported is counted as dropped.
 *
 * <p>Threading: confined to one thread (every method), except {@link #status()} and {@link #stats()}.
 */
public final class MasterCoordinator {

    private final TestPlan plan;
    /** What the test's setup extracted, sent with the start; null while setup runs (the start waits for it). */
    private Map<String, String> setupValues;
    private final MasterSettings settings;
    private final MasterClock clock;
    private final MasterEvents events;
    private final Consumer<IntervalStats> intervalListener;
    private final UserDealer dealer;
    private final WorkerRoster workers = new WorkerRoster();
    private final List<LostWorker> lost = new ArrayList<>();
    private final CompletableFuture<MasterOutcome> outcome = new CompletableFuture<>();
    private final long createdNanos;

    private MasterPhase phase = MasterPhase.PENDING;
    private long startNanos;
    /** Elapsed seconds (1 = the first) in which some worker's generator said it was saturated. */
    private final java.util.TreeSet<Long> warnedSeconds = new java.util.TreeSet<>();
    private long endNanos;
    private long startEpochMillis;
    private long lastTickNanos;
    private long lastHeartbeatNanos;
    private long stopDeadlineNanos;
    private String abortReason;
    private String error;
    private ExitCode errorExitCode;
    private IntervalMerger merger;
    private volatile StatsAggregator aggregator;
    private volatile MasterStatus status;

    /** @param intervalListener sees every merged interval (and late snapshot), e.g. for metrics */
    public MasterCoordinator(TestPlan plan, MasterSettings settings, MasterClock clock, MasterEvents events,
                             Consumer<IntervalStats> intervalListener) {
        this.plan = plan;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.intervalListener = intervalListener;
        this.dealer = new UserDealer(plan);
        this.setupValues = plan.lifecycle().setup().isEmpty() ? Map.of() : null;
        this.createdNanos = clock.nanos();
        this.lastHeartbeatNanos = createdNanos;
        publishStatus();
    }

    /** Completes when the run is over: every worker finished or was lost, or the run could not happen. */
    public CompletableFuture<MasterOutcome> outcome() {
        return outcome;
    }

    /** The latest picture; safe from any thread. */
    public MasterStatus status() {
        return status;
    }

    /** The run's merged stats, once users started (null before); safe from any thread (it is synchronized). */
    public StatsAggregator stats() {
        return aggregator;
    }

    public void connected(WorkerConnection connection) {
        // Nothing until it registers; a channel that never does is closed when the run starts or ends.
    }

    public void received(WorkerConnection connection, WorkerMessage message) {
        WorkerRecord worker = workers.get(connection);
        if (message instanceof WorkerMessage.Register register) {
            if (worker == null) register(connection, register);
            return;
        }
        if (worker == null || worker.state == WorkerRecord.State.LOST) return;
        worker.lastHeardNanos = clock.nanos();
        if (message instanceof WorkerMessage.Ready) {
            onReady(worker);
        } else if (message instanceof WorkerMessage.Heartbeat heartbeat) {
            // The frequent messages (every worker, every second) show in the status at the next tick.
            worker.users = heartbeat.users();
            worker.warning = heartbeat.warning() == null ? "" : heartbeat.warning();
            if (!worker.warning.isEmpty() && phase == MasterPhase.RUNNING) {
                // The warning judges the worker's last completed second: the one ending now, in elapsed seconds.
                warnedSeconds.add(Math.max(1, (clock.nanos() - startNanos) / 1_000_000_000L));
            }
            return;
        } else if (message instanceof WorkerMessage.Snapshot snapshot) {
            onSnapshot(worker, snapshot);
            return;
        } else if (message instanceof WorkerMessage.Finished finished) {
            onFinished(worker, finished);
        } else if (message instanceof WorkerMessage.Failed failed) {
            onFailed(worker, failed);
        }
        publishStatus();
    }

    public void closed(WorkerConnection connection, String reason) {
        WorkerRecord worker = workers.get(connection);
        if (worker == null) return;
        if (phase == MasterPhase.PENDING) {
            workers.remove(worker);
            events.workerLeft(worker.label(), reason);
        } else if (worker.state == WorkerRecord.State.RUNNING) {
            markLost(worker, "connection closed (" + reason + ")");
        }
        publishStatus();
    }

    /** Stops the run early (Ctrl-C, the stop endpoint). */
    public void abort(String reason) {
        if (phase == MasterPhase.PENDING) {
            abortReason = reason;
            fail("stopped before the run started (" + reason + ")", ExitCode.COULD_NOT_RUN);
        } else if (phase == MasterPhase.RUNNING) {
            abortReason = reason;
            beginStop(reason, false);
        }
        publishStatus();
    }

    /**
     * The test's setup succeeded (see {@link io.stampede.runner.scenario.Lifecycle}): the run starts once every
     * worker is ready, and each gets these values with its start.
     */
    public void setupFinished(Map<String, String> values) {
        if (phase != MasterPhase.PENDING || setupValues != null) return;
        setupValues = Map.copyOf(values);
        if (workers.count(WorkerRecord.State.READY) == settings.expectedWorkers()) start();
        publishStatus();
    }

    /** The test's setup failed: the run cannot happen (exit 3); the workers are told to go. */
    public void setupFailed(String reason) {
        if (phase != MasterPhase.PENDING) return;
        fail(reason, ExitCode.COULD_NOT_RUN);
        publishStatus();
    }

    /** Advances time: heartbeats, timeouts, users per worker. Called every 100 ms or so. */
    public void tick() {
        long now = clock.nanos();
        if (phase == MasterPhase.DONE) return;
        if (now - lastHeartbeatNanos >= settings.heartbeatMillis() * 1_000_000) {
            lastHeartbeatNanos = now;
            workers.sendToAll(new MasterMessage.Heartbeat());
        }
        long timeoutNanos = settings.heartbeatTimeoutMillis() * 1_000_000;
        if (phase == MasterPhase.PENDING) {
            for (WorkerRecord worker : workers.all()) {
                if (now - worker.lastHeardNanos > timeoutNanos) {
                    workers.remove(worker);
                    worker.connection.close("no heartbeat");
                    events.workerLeft(worker.label(), silence());
                }
            }
            if (now - createdNanos > settings.waitForWorkersMillis() * 1_000_000) {
                fail("only " + workers.count(WorkerRecord.State.READY) + " of " + settings.expectedWorkers()
                        + " workers were ready within " + settings.waitForWorkersMillis() / 1000 + " s", ExitCode.COULD_NOT_RUN);
            }
        } else {
            for (WorkerRecord worker : workers.running()) {
                if (now - worker.lastHeardNanos > timeoutNanos) {
                    markLost(worker, silence());
                }
            }
            if (phase == MasterPhase.RUNNING) followPlan(now);
            if (phase == MasterPhase.STOPPING && now - stopDeadlineNanos > 0) {
                workers.running().forEach(worker -> markLost(worker, "did not finish within the stop timeout"));
            }
            if (merger != null) merger.completeReady(workers::expectedFor, now);
            finishIfStopped();
        }
        publishStatus();
    }

    private String silence() {
        return "no heartbeat for " + HumanFormat.millis(settings.heartbeatTimeoutMillis());
    }

    private void register(WorkerConnection connection, WorkerMessage.Register register) {
        String refusal = null;
        if (register.protocol() != Protocol.VERSION) {
            refusal = "the worker speaks protocol " + register.protocol() + ", the master " + Protocol.VERSION;
        } else if (phase != MasterPhase.PENDING) {
            refusal = "the run has started; workers that come later are not taken";
        } else if (workers.size() >= settings.expectedWorkers()) {
            refusal = "the run has all its " + settings.expectedWorkers() + " workers";
        }
        if (refusal != null) {
            connection.send(new MasterMessage.Refused(refusal));
            connection.close(refusal);
            events.workerRefused(connection.remoteAddress(), refusal);
            return;
        }
        WorkerRecord worker = workers.add(register.name(), connection, clock.nanos());
        connection.send(new MasterMessage.Welcome(worker.id, worker.index, settings.expectedWorkers(),
                settings.loadTest(), settings.overrides(), settings.insecureTls(), settings.heartbeatMillis(),
                settings.masterTimeoutMillis(), settings.data()));
        events.workerJoined(worker.label(), connection.remoteAddress(), workers.size(), settings.expectedWorkers());
    }

    private void onReady(WorkerRecord worker) {
        if (phase != MasterPhase.PENDING || worker.state != WorkerRecord.State.REGISTERED) return;
        worker.state = WorkerRecord.State.READY;
        if (workers.count(WorkerRecord.State.READY) == settings.expectedWorkers() && setupValues != null) start();
    }

    private void start() {
        phase = MasterPhase.RUNNING;
        startNanos = clock.nanos();
        lastTickNanos = startNanos;
        startEpochMillis = clock.epochMillis();
        StatsAggregator stats = new StatsAggregator(startEpochMillis);
        merger = new IntervalMerger(stats, settings.lateSnapshotMillis(), intervalListener,
                new IntervalMerger.DealtCap() {
                    @Override
                    public int mostUsersAround(long intervalId) {
                        return dealer.mostDealtAround(intervalId);
                    }

                    @Override
                    public void completedBefore(long intervalId) {
                        dealer.intervalsCompletedBefore(intervalId);
                    }
                });
        aggregator = stats;
        workers.all().forEach(worker -> worker.state = WorkerRecord.State.RUNNING);
        // Targets first, then Start (one connection keeps the order): a worker's engine then finds its users at
        // its very first tick instead of 100 ms later.
        followPlan(startNanos);
        workers.all().forEach(worker -> worker.connection.send(new MasterMessage.Start(setupValues)));
        events.started(workers.size());
    }

    private void followPlan(long now) {
        boolean goesOn = dealer.follow((now - startNanos) / 1_000_000, (now - lastTickNanos) / 1_000_000,
                workers.running());
        lastTickNanos = now;
        if (!goesOn) beginStop("the load plan ended", true);
    }

    private void onSnapshot(WorkerRecord worker, WorkerMessage.Snapshot snapshot) {
        if (merger == null || snapshot.workerId() != worker.id) return;
        if (merger.accept(worker.id, snapshot, clock.nanos())) worker.arrivalsReported += snapshot.arrivals().scheduled();
        merger.completeReady(workers::expectedFor, clock.nanos());
    }

    private void onFinished(WorkerRecord worker, WorkerMessage.Finished finished) {
        if (worker.state != WorkerRecord.State.RUNNING) return;
        worker.state = WorkerRecord.State.FINISHED;
        worker.intervals = finished.intervals();
        worker.generator = finished.generator();
        worker.users = 0;
        if (phase == MasterPhase.RUNNING) {
            // It stopped on its own (Ctrl-C on the worker): its users move to the others.
            worker.connection.close("finished before the run");
            workersChanged();
        }
        merger.completeReady(workers::expectedFor, clock.nanos());
        finishIfStopped();
    }

    private void onFailed(WorkerRecord worker, WorkerMessage.Failed failed) {
        if (phase == MasterPhase.PENDING) {
            String who = settings.expectedWorkers() > 1 ? "worker " + worker.label() + ": " : "";
            fail(who + failed.reason(), ExitCode.ofCode(failed.exitCode()));
        } else {
            markLost(worker, "failed: " + failed.reason());
        }
    }

    private void markLost(WorkerRecord worker, String reason) {
        if (worker.state == WorkerRecord.State.LOST) return;
        long elapsed = phase == MasterPhase.PENDING ? 0 : (clock.nanos() - startNanos) / 1_000_000;
        int users = Math.max(worker.users, worker.targetUsers());
        worker.state = WorkerRecord.State.LOST;
        worker.users = 0;
        LostWorker loss = new LostWorker(worker.label(), clock.epochMillis(), elapsed, reason, users);
        lost.add(loss);
        worker.connection.close(reason);
        int remaining = workers.running().size();
        events.workerLost(loss, remaining);
        if (phase == MasterPhase.RUNNING) {
            if (remaining == 0) {
                stopWithError("every worker was lost");
            } else if (remaining < settings.minWorkers()) {
                stopWithError("only " + remaining + " of " + settings.expectedWorkers() + " workers remain, fewer "
                        + "than --min-workers " + settings.minWorkers());
            } else {
                workersChanged();
            }
        }
        if (merger != null) merger.completeReady(workers::expectedFor, clock.nanos());
        finishIfStopped();
    }

    /** Deals again over the running workers; open model: counts what a departed worker left unsent as dropped. */
    private void workersChanged() {
        long now = clock.nanos();
        long elapsedMillis = (now - startNanos) / 1_000_000;
        long unsent = dealer.workersChanged(elapsedMillis, workers.running());
        if (unsent > 0) merger.addUnsentArrivals(elapsedMillis / 1000, unsent, now);
    }

    private void stopWithError(String reason) {
        error = reason;
        errorExitCode = ExitCode.COULD_NOT_RUN;
        beginStop(reason, false);
    }

    private void beginStop(String reason, boolean planEnded) {
        if (phase != MasterPhase.RUNNING) return;
        phase = MasterPhase.STOPPING;
        stopDeadlineNanos = clock.nanos()
                + (plan.stopTimeoutMillis() + settings.heartbeatTimeoutMillis() + 2000) * 1_000_000;
        events.stopping(reason);
        for (WorkerRecord worker : workers.running()) {
            worker.connection.send(new MasterMessage.Stop(reason, planEnded));
        }
        finishIfStopped();
    }

    private void finishIfStopped() {
        if (phase != MasterPhase.STOPPING || !workers.running().isEmpty()) return;
        merger.completeAll();
        end(true);
    }

    /** The run cannot happen: tells the workers, closes their channels, and ends. */
    private void fail(String reason, ExitCode exitCode) {
        error = reason;
        errorExitCode = exitCode;
        workers.sendToAll(new MasterMessage.Stop(reason));
        workers.closeAll(reason);
        end(false);
    }

    private void end(boolean started) {
        phase = MasterPhase.DONE;
        endNanos = clock.nanos();
        long endEpochMillis = clock.epochMillis();
        workers.closeAll("the run is over");
        publishStatus();
        outcome.complete(new MasterOutcome(started, startEpochMillis, endEpochMillis, abortReason, error, errorExitCode,
                lost, workers.reports(), merger == null ? 0 : merger.duplicates(), merger == null ? 0 : merger.lateSnapshots(),
                List.copyOf(warnedSeconds)));
    }

    private void publishStatus() {
        long elapsed = startNanos == 0 && phase != MasterPhase.RUNNING ? 0
                : ((phase == MasterPhase.DONE ? endNanos : clock.nanos()) - startNanos) / 1_000_000;
        status = new MasterStatus(phase, startEpochMillis, elapsed, settings.expectedWorkers(), workers.connected(),
                lost, workers.runningUsers(), workers.views());
    }
}
