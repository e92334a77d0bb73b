package io.stampede.runner.engine;

import io.netty.buffer.ByteBuf;
import io.stampede.runner.engine.http.FailureCauses;
import io.stampede.runner.engine.http.HttpConnection;
import io.stampede.runner.engine.http.InvalidRequestException;
import io.stampede.runner.engine.http.Response;
import io.stampede.runner.engine.http.ResponseListener;
import io.stampede.runner.plugin.PluginCallException;
import io.stampede.runner.scenario.ExpectPlan;
import io.stampede.runner.scenario.Extraction;
import io.stampede.runner.scenario.ResponseView;
import io.stampede.runner.scenario.ResponseCheck;
import io.stampede.runner.scenario.TemplateContext;
import io.stampede.runner.scenario.WaitPlan;

import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One simulated user: a state machine on its event loop, not a thread. It logs in (onStart), then picks weighted
 * tasks (or takes them in written order, looping, for {@code order: sequential}), runs each task's steps in order,
 * waits its think time (the task's own, else its class's), and repeats until told to stop.
 *
 * <p>Counting, as the contract says: every response or failure is recorded exactly once in its step's row. A status
 * in {@code reauthOn} is recorded as a request but not a failure, onStart runs again (its requests in their own
 * rows), and the step is retried once. A failed step ends its task; the user goes on after its wait. A failed
 * login is retried after the wait, so tasks never run without the values the login extracts.
 *
 * <p>Stopping (end of run, ramp-down, Ctrl-C): the task in flight finishes, then the class's onStop steps run once
 * (Locust's on_stop: log out, release test data), counted in their rows like any request; a failed onStop step ends
 * them. They run only for a user whose onStart completed (or that has none), since they use what it extracted, and
 * are bounded by the stop timeout from their start: a request still open then is counted as interrupted. A
 * {@code reauthOn} status renews the login and retries the onStop step once, as in a task (a token that expired
 * during the last wait must not turn the logout into a failure).
 *
 * <p>A request that fails without leaving the generator (no file descriptor for a connection, no memory for its
 * buffer, a rendered value not legal in a request) fails at once, so the user then waits at least
 * {@link #LOCAL_FAILURE_PAUSE_MILLIS}: with a zero think time it would otherwise spin, piling up instant failures
 * and starving the users whose requests do reach the target.
 *
 * <p>Open model ({@link #runIteration}): the user runs one task per arrival and then returns to its pool at once,
 * without its wait; onStart runs on its first iteration (and again after a failed login), and the values it
 * extracted stay for later iterations. The first request of an iteration (the login's first for a new user) is
 * timed from the iteration's scheduled start, so time spent waiting for the generator or behind a stalled
 * target counts; every later request of it is timed from its own send, which follows the previous response at once.
 *
 * <p>Threading: every method runs on the user's event loop.
 */
final class VirtualUser implements TemplateContext, ResponseListener {

    /** The least wait after a failure that never left the generator, in ms. */
    static final long LOCAL_FAILURE_PAUSE_MILLIS = 1000;

    private enum Mode { LOGIN, RENEWAL, TASK, CLEANUP }

    private final long userId;
    private final int workerIndex;
    private final UserClassRuntime userClass;
    private final LoopResources loop;
    private final Consumer<VirtualUser> onFinished;
    private final HttpConnection connection;
    private final String[] slots;
    private final SplittableRandom random;
    private final long stopTimeoutMillis;
    /** The row held of each data source (a table row index), -1 while none; see {@link #drawRows}. */
    private final int[] rows;
    /** The rows were just drawn for the coming task (by a start or an arrival): its nextTask keeps them. */
    private boolean rowsFresh;
    /** Every row of a unique source is held by other users: this user sends nothing and waits for its stop. */
    private boolean parked;
    private final UserSession session;

    /** Index of this user in its loop's list, maintained by the loop. */
    int indexInLoop = -1;

    private Mode mode;
    private StepRuntime[] steps;
    private int stepIndex;
    private boolean retried;
    private StepRuntime[] interruptedTask;
    private int interruptedStep;
    /** TASK or CLEANUP: what a renewal returns to. */
    private Mode interruptedMode;
    private long tasksStarted;
    /** The index of the task in hand (or last run), for its wait. */
    private int currentTask;
    private long taskStartNanos;
    private long requestStartNanos;
    private ScheduledFuture<?> wakeUp;
    private boolean stopRequested;
    private boolean pauseAfterLocalFailure;
    private boolean finished;
    /** onStart completed at least once (or there is none): onStop may use what it extracted. */
    private boolean started;
    private boolean cleanupBegun;
    private ScheduledFuture<?> cleanupDeadline;
    /** A plugin's custom step in flight (the user waits for it as for a response), else null. */
    private PluginStepRun pluginRun;

    // Open model only: null for a closed-model user.
    private final Consumer<VirtualUser> onIterationDone;
    private boolean loggedIn;
    private boolean busy;
    private long firstRequestStartNanos;
    private boolean timeNextFromSchedule;

    /**
     * A closed-model user: {@link #start} runs its tasks until it is stopped.
     *
     * @param stopTimeoutMillis how long onStop steps may take once begun, >= 0
     */
    VirtualUser(long userId, int workerIndex, UserClassRuntime userClass, LoopResources loop,
                Consumer<VirtualUser> onFinished, long seed, long stopTimeoutMillis) {
        this(userId, workerIndex, userClass, loop, onFinished, null, seed, stopTimeoutMillis);
    }

    /**
     * An open-model user: runs {@link #runIteration} per arrival and hands itself to {@code onIterationDone}.
     *
     * @param onIterationDone null for a closed-model user
     * @param stopTimeoutMillis how long onStop steps may take once begun, >= 0
     */
    VirtualUser(long userId, int workerIndex, UserClassRuntime userClass, LoopResources loop,
                Consumer<VirtualUser> onFinished, Consumer<VirtualUser> onIterationDone, long seed,
                long stopTimeoutMillis) {
        this.userId = userId;
        this.workerIndex = workerIndex;
        this.userClass = userClass;
        this.loop = loop;
        this.onFinished = onFinished;
        this.connection = new HttpConnection(loop.connections);
        this.slots = new String[userClass.plan.slotNames().size()];
        userClass.fillSetupSlots(slots);
        this.random = new SplittableRandom(seed);
        this.onIterationDone = onIterationDone;
        this.stopTimeoutMillis = stopTimeoutMillis;
        this.started = userClass.onStart.length == 0;
        this.rows = new int[loop.data.count()];
        java.util.Arrays.fill(rows, -1);
        this.session = userClass.newSession();
    }

    /**
     * Open model: runs one task (after onStart when not logged in yet), its first request timed from
     * {@code scheduledNanos} ({@link System#nanoTime()} scale, not after now).
     */
    void runIteration(long scheduledNanos) {
        busy = true;
        firstRequestStartNanos = scheduledNanos;
        timeNextFromSchedule = true;
        if (!drawRows(true)) {
            iterationDone();
            return;
        }
        if (!loggedIn && userClass.onStart.length > 0) {
            runSteps(Mode.LOGIN, userClass.onStart, 0);
        } else {
            nextTask();
        }
    }

    void start() {
        if (!drawRows(true)) {
            parked = true;
            return;
        }
        if (userClass.onStart.length > 0) {
            runSteps(Mode.LOGIN, userClass.onStart, 0);
        } else {
            nextTask();
        }
    }

    /** Stop after the task in flight (at once when idle). */
    void stop() {
        if (stopRequested) return;
        stopRequested = true;
        if (parked || (onIterationDone != null ? !busy
                : !connection.inFlight() && pluginRun == null && mode != Mode.RENEWAL)) {
            stopped();
        }
    }

    /** The stop timeout has passed: a request still in flight is counted as interrupted and the user ends. */
    void interrupt() {
        if (finished) return;
        if (connection.inFlight()) {
            connection.close();
            loop.recordFailure(steps[stepIndex].row, elapsedMicros(), 0, FailureCauses.INTERRUPTED, 0);
        } else if (pluginRun != null) {
            pluginRun.cancel();
            pluginRun = null;
            loop.recordFailure(steps[stepIndex].row, elapsedMicros(), 0, FailureCauses.INTERRUPTED, 0);
        }
        finish();
    }

    /** Runs a task on this user's loop (for the control thread). */
    void loopExecute(Runnable task) {
        loop.eventLoop.execute(task);
    }

    HttpConnection connection() {
        return connection;
    }

    private void nextTask() {
        wakeUp = null;
        if (stopRequested) {
            stopped();
            return;
        }
        currentTask = userClass.nextTask(tasksStarted, random);
        tasksStarted++;
        if (rowsFresh) {
            rowsFresh = false;
        } else {
            drawRows(false);
        }
        taskStartNanos = System.nanoTime();
        retried = false;
        runSteps(Mode.TASK, userClass.tasks[currentTask], 0);
    }

    private void runSteps(Mode mode, StepRuntime[] steps, int index) {
        this.mode = mode;
        this.steps = steps;
        this.stepIndex = index;
        send();
    }

    private void send() {
        StepRuntime step = steps[stepIndex];
        if (timeNextFromSchedule) {
            requestStartNanos = firstRequestStartNanos;
            timeNextFromSchedule = false;
        } else {
            requestStartNanos = System.nanoTime();
        }
        if (step.pluginStep != null) {
            pluginRun = new PluginStepRun(step.pluginStep, loop.eventLoop, this, slots, userClass.plan.slotNames(),
                    this::pluginStepDone);
            pluginRun.start();
            return;
        }
        ByteBuf request;
        try {
            request = session.encodeFirst(step, loop, this);
        } catch (InvalidRequestException | PluginCallException e) {
            failLocally(e.getMessage());
            return;
        } catch (OutOfMemoryError e) {
            // Netty's OutOfDirectMemoryError, or the JDK's "Direct buffer memory": the pool could not grow.
            failLocally("cannot allocate the request: out of memory");
            return;
        }
        connection.send(request, step.idempotent, step.keepResponse, step.keepResponse, step.headRequest,
                step.timeoutMillis, this);
    }

    /** Fails the request in hand on a later turn of the loop, as the connection does (no recursion into send). */
    private void failLocally(String cause) {
        loop.eventLoop.execute(() -> onFailure(cause, true));
    }

    /**
     * Follows a redirect (see {@link Redirects}): sends the next hop and returns true; or returns false when the
     * response ends the chain (not a redirect, or redirects off), or fails the chain (too many, another host) and
     * returns true. The first request's row counts the chain once, timed from its first byte sent to the last
     * response; each hop answered is counted in the step's hop row, so the rows together equal what the server
     * received.
     */
    private boolean followed(StepRuntime step, Response response) {
        if (step.followRedirects == 0 || response.location() == null || !Redirects.isRedirect(response.status())) {
            return false;
        }
        if (session.hops() >= step.followRedirects) {
            chainFailed(step, response, "more than " + step.followRedirects
                    + (step.followRedirects == 1 ? " redirect" : " redirects"));
            return true;
        }
        Object next = Redirects.next(session.target(), session.path(), session.method(), response.status(),
                response.location());
        if (next instanceof Redirects.Refused refused) {
            chainFailed(step, response, refused.cause());
            return true;
        }
        Redirects.Hop hop = (Redirects.Hop) next;
        ByteBuf request;
        try {
            request = session.encodeHop(step, hop, loop, this);
        } catch (InvalidRequestException | PluginCallException e) {
            failLocally(e.getMessage());
            return true;
        } catch (OutOfMemoryError e) {
            failLocally("cannot allocate the request: out of memory");
            return true;
        }
        connection.send(request, !hop.keepsBody() || step.idempotent, step.keepResponse, step.keepResponse,
                hop.method().equals("HEAD"), step.timeoutMillis, this);
        return true;
    }

    private void chainFailed(StepRuntime step, Response response, String cause) {
        session.endChain();
        loop.recordFailure(step.row, elapsedMicros(), response.bodyBytes(), cause, response.status());
        stepsDone(false);
    }

    @Override
    public void onResponse(Response response) {
        StepRuntime step = steps[stepIndex];
        session.store(response.setCookies());
        if (session.hops() > 0) {
            loop.recordSuccess(step.hopRow, (System.nanoTime() - session.hopStartNanos()) / 1_000,
                    response.bodyBytes(), response.status());
        }
        if (followed(step, response)) return;
        session.endChain();
        long latencyMicros = elapsedMicros();
        if ((mode == Mode.TASK || mode == Mode.CLEANUP) && !retried && userClass.renewsOn(response.status())) {
            loop.recordSuccess(step.row, latencyMicros, response.bodyBytes(), response.status());
            retried = true;
            interruptedTask = steps;
            interruptedStep = stepIndex;
            interruptedMode = mode;
            session.clearCookies(); // a renewal logs in afresh, as a new session would
            runSteps(Mode.RENEWAL, userClass.onStart, 0);
            return;
        }
        String failure = judge(step, response, latencyMicros);
        if (failure == null) {
            loop.recordSuccess(step.row, latencyMicros, response.bodyBytes(), response.status());
            if (++stepIndex < steps.length) {
                if (mode == Mode.TASK || mode == Mode.CLEANUP) retried = false; // renewal: once per request
                send();
            } else {
                stepsDone(true);
            }
        } else {
            loop.recordFailure(step.row, latencyMicros, response.bodyBytes(), failure, response.status());
            stepsDone(false);
        }
    }

    /** A custom step settled (on the loop): counted in its row like a response, then the steps go on or end. */
    private void pluginStepDone(PluginStepRun.Outcome outcome) {
        pluginRun = null;
        StepRuntime step = steps[stepIndex];
        long measured = outcome.result() == null ? -1 : outcome.result().latencyMicros();
        long latencyMicros = measured >= 0 ? measured : elapsedMicros();
        if (outcome.cause() != null) {
            loop.recordFailure(step.row, latencyMicros, 0, outcome.cause(), 0);
            pauseAfterLocalFailure = outcome.immediate(); // else a user with no wait would spin on it
            stepsDone(false);
            return;
        }
        loop.recordSuccess(step.row, latencyMicros, outcome.result().bytes(), 0);
        if (++stepIndex < steps.length) {
            if (mode == Mode.TASK || mode == Mode.CLEANUP) retried = false;
            send();
        } else {
            stepsDone(true);
        }
    }

    @Override
    public void onFailure(String cause, boolean local) {
        session.endChain();
        // Failures arrive on a later turn of the loop, possibly after a stop finished this user: still count them.
        loop.recordFailure(steps[stepIndex].row, elapsedMicros(), 0, cause, 0);
        if (finished) return;
        pauseAfterLocalFailure = local;
        stepsDone(false);
    }

    /**
     * The failure cause for this response, or null when it passes; stores extracted values on success. Order:
     * status, body encoding, bodyContains, checks (as written), extractions, then maxLatency, so a response both
     * wrong and slow is counted with what was wrong.
     */
    private String judge(StepRuntime step, Response response, long latencyMicros) {
        ExpectPlan expect = step.plan.expect();
        if (!expect.statusAccepted(response.status())) {
            return expect.failureFor(response.status());
        }
        if (response.bodyProblem() != null) {
            return response.bodyProblem(); // the step reads the body, and its encoding could not be undone
        }
        if (expect.bodyContains() != null && !response.body().contains(expect.bodyContains())) {
            return "body does not contain \"" + expect.bodyContains() + "\"";
        }
        if (step.keepResponse) {
            ResponseView view = new ResponseView(response.status(), response.body(), response::header, this);
            for (ResponseCheck check : expect.checks()) {
                String failure = check.failure(view);
                if (failure != null) {
                    return failure;
                }
            }
            for (Extraction extraction : step.plan.extractions()) {
                String value = extraction.source().extract(view);
                if (value == null) {
                    return "extract " + extraction.name() + ": " + extraction.source().describe() + " not found";
                }
                slots[extraction.slot()] = value;
            }
        }
        return expect.tooSlow(latencyMicros) ? expect.slowCause() : null;
    }

    private void stepsDone(boolean ok) {
        switch (mode) {
            case LOGIN -> {
                if (ok) {
                    started = true;
                    loggedIn = true;
                    nextTask();
                } else if (onIterationDone != null) {
                    iterationDone();
                } else {
                    waitThen(this::start, 0, userClass.plan.waitPlan());
                }
            }
            case RENEWAL -> {
                if (interruptedMode == Mode.CLEANUP) {
                    if (ok) runSteps(Mode.CLEANUP, interruptedTask, interruptedStep);
                    else finish();
                } else if (ok && !stopRequested) {
                    runSteps(Mode.TASK, interruptedTask, interruptedStep);
                } else {
                    taskDone();
                }
            }
            case TASK -> taskDone();
            case CLEANUP -> finish();
        }
    }

    /** The user stopped between tasks: run onStop once if it applies, else end. */
    private void stopped() {
        if (parked || cleanupBegun || !started || userClass.onStop.length == 0) {
            finish();
            return;
        }
        cleanupBegun = true;
        if (wakeUp != null) {
            wakeUp.cancel(false);
            wakeUp = null;
        }
        cleanupDeadline = loop.eventLoop.schedule(this::interrupt, stopTimeoutMillis, TimeUnit.MILLISECONDS);
        retried = false;
        runSteps(Mode.CLEANUP, userClass.onStop, 0);
    }

    private void taskDone() {
        if (onIterationDone != null) {
            iterationDone();
            return;
        }
        long taskMillis = (System.nanoTime() - taskStartNanos) / 1_000_000;
        waitThen(this::nextTask, taskMillis, userClass.waitAfter[currentTask]);
    }

    /** Open model: the iteration ended; back to the pool, or end when stopped meanwhile. */
    private void iterationDone() {
        busy = false;
        pauseAfterLocalFailure = false;
        if (stopRequested) {
            stopped();
        } else {
            onIterationDone.accept(this);
        }
    }

    private void waitThen(Runnable next, long taskMillis, WaitPlan wait) {
        if (stopRequested) {
            stopped();
            return;
        }
        long delay = wait.nextDelayMillis(taskMillis, random);
        if (pauseAfterLocalFailure) {
            pauseAfterLocalFailure = false;
            delay = Math.max(delay, LOCAL_FAILURE_PAUSE_MILLIS);
        }
        if (delay <= 0) {
            next.run();
        } else {
            wakeUp = loop.eventLoop.schedule(next, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void finish() {
        if (finished) return;
        finished = true;
        if (wakeUp != null) {
            wakeUp.cancel(false);
            wakeUp = null;
        }
        if (cleanupDeadline != null) cleanupDeadline.cancel(false);
        if (pluginRun != null) {
            pluginRun.cancel();
            pluginRun = null;
        }
        for (int source = 0; source < rows.length; source++) {
            DataFeeds.Feed feed = loop.data.feed(source);
            if (feed.unique && rows[source] >= 0) {
                feed.release(rows[source]);
                rows[source] = -1;
            }
        }
        connection.close();
        session.endChain();
        onFinished.accept(this);
    }

    /**
     * Draws this user's data rows: a unique row once for the user's life (when {@code forNewTask} and none is held
     * yet), a sequential or random row for every task. When a unique source has no row left, counts a failure on
     * the first row the user would have sent (its first onStart step, else its first task's) and says so.
     *
     * @return false when a unique source had no row left for this user
     */
    private boolean drawRows(boolean forNewTask) {
        for (int source = 0; source < rows.length; source++) {
            DataFeeds.Feed feed = loop.data.feed(source);
            if (feed.unique) {
                if (!forNewTask || rows[source] >= 0) continue;
                int row = feed.take(random);
                if (row < 0) {
                    StepRuntime first = userClass.onStart.length > 0 ? userClass.onStart[0] : userClass.tasks[0][0];
                    loop.recordFailure(first.row, 0, 0, "data " + feed.table.name() + ": no row left (pick "
                            + "unique: " + feed.rows() + " rows here, each held by a running user)", 0);
                    return false;
                }
                rows[source] = row;
            } else {
                rows[source] = feed.take(random);
            }
        }
        rowsFresh = forNewTask;
        return true;
    }

    private long elapsedMicros() {
        return (System.nanoTime() - requestStartNanos) / 1_000;
    }

    // TemplateContext

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public int workerIndex() {
        return workerIndex;
    }

    @Override
    public long iteration() {
        return Math.max(0, tasksStarted - 1);
    }

    @Override
    public String slot(int slot) {
        return slots[slot];
    }

    @Override
    public String data(int source, int column) {
        int row = rows[source];
        return row < 0 ? null : loop.data.feed(source).table.value(row, column);
    }

    @Override
    public SplittableRandom random() {
        return random;
    }
}
