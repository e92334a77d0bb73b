package io.stampede.runner.cluster.worker;

import io.netty.channel.EventLoopGroup;
import io.stampede.runner.ExitCode;
import io.stampede.runner.cluster.protocol.MasterMessage;
import io.stampede.runner.cluster.protocol.Protocol;
import io.stampede.runner.cluster.protocol.WorkerMessage;
import io.stampede.runner.engine.Engine;
import io.stampede.runner.engine.EngineOptions;
import io.stampede.runner.engine.EngineStartException;
import io.stampede.runner.engine.RunResult;
import io.stampede.runner.engine.health.GeneratorHealth;
import io.stampede.runner.load.ArrivalRatePlan;
import io.stampede.runner.load.ArrivalShare;
import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.Problem;
import io.stampede.runner.scenario.TestPlan;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One worker: registers with the master, compiles the test it is sent, runs the users the master assigns, and
 * sends a heartbeat and a snapshot every second until the master says stop. A worker that loses its master (its
 * channel closes, or nothing arrives for the master's timeout) stops its users by itself and exits with 3.
 *
 * <p>Threading: everything here runs on the agent's own thread ({@code stampede-worker}), never on an event loop:
 * heartbeats go out on time however busy the loops are, and encoding snapshots costs the loops nothing. Messages
 * from the master are queued onto that thread.
 */
public final class WorkerAgent {

    /** How often the agent checks on the master and sends heartbeats. */
    static final long TICK_MILLIS = 250;
    /** After its users end without a master, how much longer than the stop timeout the worker waits for them. */
    static final long STOP_GRACE_MILLIS = 5000;

    private enum State { CONNECTING, WELCOMED, RUNNING, STOPPING, FINISHED, MASTER_LOST, DONE }

    private final String name;
    private final EventLoopGroup eventLoops;
    private final PlanSource plans;
    private final EngineOptions engineOptions;
    private final Consumer<String> log;
    private final ScheduledExecutorService thread;
    private final CompletableFuture<WorkerExit> exit = new CompletableFuture<>();

    private MasterLink link;
    private State state = State.CONNECTING;
    private long lastHeardNanos;
    private long lastHeartbeatNanos;
    private long heartbeatMillis = 1000;
    private long masterTimeoutMillis = 10_000;
    private int workerId;
    private TestPlan plan;
    private Engine engine;
    private AssignedTargets targets;
    private String masterLostReason;

    /**
     * @param eventLoops    carry the users; the caller owns them
     * @param engineOptions the worker's index and user-id stride are replaced by the master's
     * @param log           lines for people (the worker's console); called on the agent's thread
     */
    public WorkerAgent(String name, EventLoopGroup eventLoops, PlanSource plans, EngineOptions engineOptions,
                       Consumer<String> log) {
        this.name = name;
        this.eventLoops = eventLoops;
        this.plans = plans;
        this.engineOptions = engineOptions;
        this.log = log;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread agent = new Thread(runnable, "stampede-worker");
            agent.setDaemon(true);
            return agent;
        });
        exit.whenComplete((result, error) -> thread.shutdown());
    }

    /** Completes when the worker is done, with its exit code and why. */
    public CompletableFuture<WorkerExit> exit() {
        return exit;
    }

    /** The channel is open: registers and starts the heartbeats. */
    public void attach(MasterLink masterLink) {
        post(() -> {
            link = masterLink;
            lastHeardNanos = System.nanoTime();
            link.send(new WorkerMessage.Register(Protocol.VERSION, name, Runtime.getRuntime().availableProcessors()));
            sendHeartbeat();
            thread.scheduleAtFixedRate(() -> guarded(this::tick), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    /** A message from the master; safe from any thread. */
    public void received(MasterMessage message) {
        post(() -> onMessage(message));
    }

    /** The channel closed; safe from any thread. */
    public void closed(String reason) {
        post(() -> onClosed(reason));
    }

    /**
     * Stops early (Ctrl-C): the users stop as if the master had said so, the last snapshot goes out, and the
     * master moves this worker's users to the others. Safe from any thread.
     */
    public void stopEarly(String reason) {
        post(() -> {
            if (state == State.RUNNING) {
                onStop(reason, false);
            } else if (state == State.CONNECTING || state == State.WELCOMED) {
                done(ExitCode.COULD_NOT_RUN, "stopped before the run started (" + reason + ")");
            }
        });
    }

    /** Gives up before a channel ever opened (the master cannot be reached, or refused the token). */
    public void failToConnect(ExitCode exitCode, String reason) {
        post(() -> done(exitCode, reason));
    }

    private void onMessage(MasterMessage message) {
        lastHeardNanos = System.nanoTime();
        if (message instanceof MasterMessage.Welcome welcome) {
            onWelcome(welcome);
        } else if (message instanceof MasterMessage.Start start) {
            onStart(start);
        } else if (message instanceof MasterMessage.Targets assigned) {
            if (targets != null) targets.assign(assigned.users());
        } else if (message instanceof MasterMessage.Arrivals share) {
            if (targets != null) {
                targets.assignArrivals(new ArrivalShare(share.fromArrival(), share.slot(), share.slots(), share.maxUsers()));
            }
        } else if (message instanceof MasterMessage.Stop stop) {
            onStop(stop.reason(), stop.planEnded());
        } else if (message instanceof MasterMessage.Refused refused) {
            done(ExitCode.COULD_NOT_RUN, "the master refused this worker: " + refused.reason());
        }
    }

    private void onWelcome(MasterMessage.Welcome welcome) {
        if (state != State.CONNECTING) return;
        workerId = welcome.workerId();
        heartbeatMillis = welcome.heartbeatMillis();
        masterTimeoutMillis = welcome.masterTimeoutMillis();
        try {
            plan = plans.load(welcome);
        } catch (InvalidLoadTestException e) {
            fail(ExitCode.BAD_INPUT, "the LoadTest does not compile on this worker: " + e.problems().stream()
                    .map(Problem::toString).collect(Collectors.joining("; ")));
            return;
        }
        targets = new AssignedTargets(plan.scenario().userClasses().size(),
                plan.load() instanceof ArrivalRatePlan arrivals ? arrivals.durationMillis() : 0);
        SnapshotCollector collector = new SnapshotCollector(interval -> post(() -> sendSnapshot(interval)));
        EngineOptions options = engineOptions.forWorker(welcome.workerIndex(), welcome.workers())
                .withInsecureTls(engineOptions.insecureTls() || welcome.insecureTls());
        try {
            engine = new Engine(eventLoops, plan, collector, options, targets);
        } catch (EngineStartException e) {
            fail(ExitCode.COULD_NOT_RUN, e.getMessage());
            return;
        }
        state = State.WELCOMED;
        log.accept("Registered as worker w" + workerId + " (index " + welcome.workerIndex() + " of "
                + welcome.workers() + "); waiting for the start.");
        link.send(new WorkerMessage.Ready());
    }

    private void onStart(MasterMessage.Start start) {
        if (state != State.WELCOMED) return;
        state = State.RUNNING;
        log.accept("Started: running " + plan.scenario().name() + " against " + plan.scenario().target() + ".");
        engine.start(start.setup()).whenComplete((result, error) -> post(() -> onEngineEnded(result, error)));
    }

    private void onStop(String reason, boolean planEnded) {
        if (state == State.RUNNING) {
            state = State.STOPPING;
            if (planEnded) targets.endAfterSchedule();
            else targets.end();
            log.accept("Stopping: " + reason + ".");
        } else if (state == State.CONNECTING || state == State.WELCOMED) {
            done(ExitCode.COULD_NOT_RUN, "the master ended the run before it started: " + reason);
        }
    }

    private void sendSnapshot(SnapshotCollector.Interval interval) {
        if (state == State.DONE || state == State.MASTER_LOST) return;
        link.send(new WorkerMessage.Snapshot(workerId, interval.intervalId(), interval.users(),
                interval.endEpochMillis(), interval.rows(), interval.arrivals()));
    }

    private void onEngineEnded(RunResult result, Throwable error) {
        if (state == State.MASTER_LOST) {
            done(ExitCode.COULD_NOT_RUN, "lost the master (" + masterLostReason + "); stopped by itself");
            return;
        }
        if (state == State.DONE) return;
        if (error != null) {
            fail(ExitCode.COULD_NOT_RUN, "the engine failed: " + error);
            return;
        }
        GeneratorHealth health = engine.monitor().health();
        link.send(new WorkerMessage.Finished(result.intervals(), health));
        state = State.FINISHED;
        lastHeardNanos = System.nanoTime();
        log.accept("Finished: " + result.intervals() + " intervals sent; waiting for the master to close.");
    }

    private void onClosed(String reason) {
        switch (state) {
            case FINISHED -> done(ExitCode.OK, "the run is over");
            case RUNNING, STOPPING -> loseMaster("the connection closed: " + reason);
            case CONNECTING, WELCOMED -> done(ExitCode.COULD_NOT_RUN, "the master closed the connection before the run started ("
                    + reason + ")");
            default -> {
            }
        }
    }

    private void tick() {
        long now = System.nanoTime();
        if (state == State.DONE) return;
        if (now - lastHeartbeatNanos >= heartbeatMillis * 1_000_000 && state != State.MASTER_LOST) sendHeartbeat();
        if (now - lastHeardNanos > masterTimeoutMillis * 1_000_000) {
            if (state == State.FINISHED) done(ExitCode.OK, "the run is over (the master did not close the connection)");
            else loseMaster("no word from the master for " + masterTimeoutMillis / 1000.0 + " s");
        }
    }

    private void sendHeartbeat() {
        lastHeartbeatNanos = System.nanoTime();
        int users = engine == null ? 0 : engine.runningUsers();
        String warning = engine == null ? "" : engine.monitor().latestWarning();
        link.send(new WorkerMessage.Heartbeat(users, warning));
    }

    /** Stops the users by itself, bounded by the stop timeout and a grace, then exits with 3. */
    private void loseMaster(String reason) {
        if (state == State.MASTER_LOST || state == State.DONE) return;
        masterLostReason = reason;
        if (state == State.RUNNING || state == State.STOPPING) {
            state = State.MASTER_LOST;
            log.accept("Lost the master (" + reason + "): stopping the users.");
            engine.abort();
            thread.schedule(() -> guarded(() -> done(ExitCode.COULD_NOT_RUN, "lost the master (" + reason + "); its users did not end "
                    + "in time")), plan.stopTimeoutMillis() + STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            done(ExitCode.COULD_NOT_RUN, "lost the master (" + reason + ")");
        }
    }

    private void fail(ExitCode exitCode, String reason) {
        link.send(new WorkerMessage.Failed(reason, exitCode.code()));
        done(exitCode, reason);
    }

    private void done(ExitCode exitCode, String reason) {
        if (state == State.DONE) return;
        state = State.DONE;
        if (link != null) link.close();
        exit.complete(new WorkerExit(exitCode, reason));
    }

    private void post(Runnable task) {
        try {
            thread.execute(() -> guarded(task));
        } catch (RejectedExecutionException workerIsDone) {
            // The worker has exited: late messages change nothing.
        }
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            if (engine != null) engine.abort();
            done(ExitCode.COULD_NOT_RUN, "internal error: " + e);
        }
    }
}
