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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
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
 * <p>Threading: every state change and every message to the master happens on the agent's own thread
 * ({@code stampede-worker}), never on an event loop: heartbeats go out on time however busy the loops are, and
 * encoding snapshots costs the loops nothing. Messages from the master are queued onto that thread. The one slow
 * step, preparing the run after the welcome (compiling the LoadTest and building the engine, seconds on a busy
 * machine), runs on a thread of its own ({@code stampede-worker-prepare}) and touches no agent state: its result
 * is posted back to the agent's thread, so heartbeats keep going out while the worker prepares and the master does
 * not drop it as silent. A stop, a closed channel, Ctrl-C or a lost master while preparing end the worker at once;
 * the engine prepared meanwhile is then dropped unstarted (an engine that never started owns no thread or
 * connection). Start, targets and arrivals that come while preparing are handled once it is done, in their order.
 */
public final class WorkerAgent {

    /** How often the agent checks on the master and sends heartbeats. */
    static final long TICK_MILLIS = 250;
    /** After its users end without a master, how much longer than the stop timeout the worker waits for them. */
    static final long STOP_GRACE_MILLIS = 5000;

    private enum State { CONNECTING, PREPARING, WELCOMED, RUNNING, STOPPING, FINISHED, MASTER_LOST, DONE }

    /** What preparing the run gave: an engine ready to start, or why there is none. */
    private sealed interface Preparation {
    }

    private record Prepared(TestPlan plan, AssignedTargets targets, Engine engine) implements Preparation {
    }

    private record NotPrepared(ExitCode exitCode, String reason) implements Preparation {
    }

    private final String name;
    private final EventLoopGroup eventLoops;
    private final PlanSource plans;
    private final EngineOptions engineOptions;
    private final Consumer<String> log;
    private final ScheduledExecutorService thread;
    /** Prepares the run after the welcome, off the agent's thread (see the class comment). */
    private final ExecutorService preparer;
    private final CompletableFuture<WorkerExit> exit = new CompletableFuture<>();
    /** Messages that need the engine and came while it was being prepared, oldest first. Agent's thread. */
    private final List<MasterMessage> heldWhilePreparing = new ArrayList<>();

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
        this.preparer = Executors.newSingleThreadExecutor(runnable -> {
            Thread preparing = new Thread(runnable, "stampede-worker-prepare");
            preparing.setDaemon(true);
            return preparing;
        });
        exit.whenComplete((result, error) -> {
            thread.shutdown();
            preparer.shutdown();
        });
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
            } else if (beforeTheStart()) {
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
        if (state == State.PREPARING && needsTheEngine(message)) {
            heldWhilePreparing.add(message);
            return;
        }
        handle(message);
    }

    private static boolean needsTheEngine(MasterMessage message) {
        return message instanceof MasterMessage.Start || message instanceof MasterMessage.Targets
                || message instanceof MasterMessage.Arrivals;
    }

    private void handle(MasterMessage message) {
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

    /** Starts preparing the run on the preparer; the agent's thread goes on heartbeating meanwhile. */
    private void onWelcome(MasterMessage.Welcome welcome) {
        if (state != State.CONNECTING) return;
        workerId = welcome.workerId();
        heartbeatMillis = welcome.heartbeatMillis();
        masterTimeoutMillis = welcome.masterTimeoutMillis();
        state = State.PREPARING;
        preparer.execute(() -> {
            Preparation preparation = prepare(welcome);
            post(() -> onPrepared(welcome, preparation));
        });
    }

    /**
     * Compiles the test and builds (does not start) the engine. On the preparer's thread: reads only the welcome
     * and this agent's final fields, and changes nothing of the agent's.
     */
    private Preparation prepare(MasterMessage.Welcome welcome) {
        try {
            TestPlan compiled = plans.load(welcome);
            AssignedTargets assigned = new AssignedTargets(compiled.scenario().userClasses().size(),
                    compiled.load() instanceof ArrivalRatePlan arrivals ? arrivals.durationMillis() : 0);
            SnapshotCollector collector = new SnapshotCollector(interval -> post(() -> sendSnapshot(interval)));
            EngineOptions options = engineOptions.forWorker(welcome.workerIndex(), welcome.workers())
                    .withInsecureTls(engineOptions.insecureTls() || welcome.insecureTls());
            return new Prepared(compiled, assigned, new Engine(eventLoops, compiled, collector, options, assigned));
        } catch (InvalidLoadTestException e) {
            return new NotPrepared(ExitCode.BAD_INPUT, "the LoadTest does not compile on this worker: "
                    + e.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
        } catch (EngineStartException e) {
            return new NotPrepared(ExitCode.COULD_NOT_RUN, e.getMessage());
        } catch (RuntimeException | Error e) {
            return new NotPrepared(ExitCode.COULD_NOT_RUN, "internal error while preparing the run: " + e);
        }
    }

    /** Back on the agent's thread: ready (then the messages held meanwhile), or failed. */
    private void onPrepared(MasterMessage.Welcome welcome, Preparation preparation) {
        // Stopped, closed, refused or lost meanwhile: the worker has exited, and the engine, never started, is dropped.
        if (state != State.PREPARING) return;
        if (preparation instanceof NotPrepared failure) {
            fail(failure.exitCode(), failure.reason());
            return;
        }
        Prepared prepared = (Prepared) preparation;
        plan = prepared.plan();
        targets = prepared.targets();
        engine = prepared.engine();
        state = State.WELCOMED;
        log.accept("Registered as worker w" + workerId + " (index " + welcome.workerIndex() + " of "
                + welcome.workers() + "); waiting for the start.");
        link.send(new WorkerMessage.Ready());
        List<MasterMessage> held = List.copyOf(heldWhilePreparing);
        heldWhilePreparing.clear();
        held.forEach(this::handle);
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
        } else if (beforeTheStart()) {
            done(ExitCode.COULD_NOT_RUN, "the master ended the run before it started: " + reason);
        }
    }

    /** Registered or not, prepared or not, but not started: ending now ends nothing that runs. */
    private boolean beforeTheStart() {
        return state == State.CONNECTING || state == State.PREPARING || state == State.WELCOMED;
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
            case CONNECTING, PREPARING, WELCOMED -> done(ExitCode.COULD_NOT_RUN, "the master closed the connection before the run started ("
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
