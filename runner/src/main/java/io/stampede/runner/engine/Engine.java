package io.stampede.runner.engine;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutor;
import io.stampede.runner.engine.health.GeneratorMonitor;
import io.stampede.runner.engine.health.PluginWatchdog;
import io.stampede.runner.engine.http.ConnectionBudget;
import io.stampede.runner.engine.http.ConnectionFactory;
import io.stampede.runner.engine.http.RequestEncoder;
import io.stampede.runner.engine.http.TlsContexts;
import io.stampede.runner.events.RequestEventBuffer;
import io.stampede.runner.load.ArrivalRatePlan;
import io.stampede.runner.load.ArrivalShare;
import io.stampede.runner.scenario.Scenario;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.UserClassPlan;
import io.stampede.runner.stats.StatsRecorder;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a {@link TestPlan}: starts and stops virtual users on Netty event loops ({@link EventLoops}) following its
 * {@link UserTargets} (locally the load plan, on a worker the master's targets), drains every loop's stats once a
 * second into the {@link StatsSink}, and ends after the last response is in.
 *
 * <p>Threading: users live on the event loops (users are spread round-robin over them); the targets are followed
 * by one control thread, which alone touches the control state below. Nothing here blocks an event loop.
 *
 * <p>Ending: when the targets say so (or on {@link #abort}) users stop starting tasks; tasks in flight may finish within
 * the stop timeout, after which requests still open are counted as interrupted. The final, partial interval is
 * drained only after every user has ended, so the reports count every request.
 *
 * <p>Open model (an {@link ArrivalRatePlan}): no users are planned; each loop runs an {@link ArrivalTimer} over its
 * part of this worker's {@link ArrivalShare} (the n loops take its arrivals in turn, n = min(loops, maxUsers)) and
 * of maxUsers, creating users on first need. The control thread ends the run when the targets say so (at the
 * plan's end, or the master's word) and hands the loops any new share the master sent (checked every control
 * tick). The users figure is the users created so far (the pool's size).
 *
 * <p>A plugin that blocks a loop ({@link PluginWatchdog}) is named as soon as its call passes half a second. A loop
 * still not running tasks {@link #HANG_GRACE_MILLIS} after the stop timeout is given up: the run ends without it
 * (its part of the intervals left open is missing, and a notice says so), so a blocked plugin never hangs a run.
 */
public final class Engine {

    static final long CONTROL_TICK_MILLIS = 100;
    static final long INTERVAL_MILLIS = 1000;
    /** After the stop timeout: how long a loop that runs no tasks is waited for before the run ends without it. */
    static final long HANG_GRACE_MILLIS = 3000;
    /** A loop whose lag probe has not run for this long runs no tasks. */
    static final long STUCK_AFTER_MILLIS = 1000;
    static final long WATCHDOG_MILLIS = 250;

    private final TestPlan plan;
    private final StatsSink sink;
    private final EngineOptions options;
    private final List<LoopWorker> loops = new ArrayList<>();
    private final List<UserClassRuntime> userClasses = new ArrayList<>();
    private final UserTargets targets;
    private final ScheduledExecutorService control;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final AtomicInteger activeUsers = new AtomicInteger();
    private final GeneratorMonitor monitor = new GeneratorMonitor();
    /** The open model's schedule, or null for the closed model. */
    private final ArrivalRatePlan arrivalPlan;
    private final AtomicInteger usersCreated = new AtomicInteger();
    private final AtomicLong openUsers = new AtomicLong();
    /** The open model's timers, one per arrival loop (loop i has timer i); set on the control thread at the start. */
    private final List<ArrivalTimer> arrivalTimers = new ArrayList<>();
    private final PluginWatchdog watchdog;
    /** Intervals whose parts are not all in, by id. */
    private final ConcurrentSkipListMap<Long, PendingInterval> draining = new ConcurrentSkipListMap<>();
    /** Loops given up at the end (blocked past the grace); written on the control thread. */
    private final Set<Integer> abandoned = ConcurrentHashMap.newKeySet();

    // Control state: touched only on the control thread.
    private final Deque<VirtualUser>[] runningByClass;
    private final int[] wanted;
    private int running;
    private long spawned;
    private long startNanos;
    private long startEpochMillis;
    private long lastTickNanos;
    private long nextIntervalId;
    private long nextUserId;
    private int peakUsers;
    private int intervalPeakUsers;
    private boolean stopping;
    private boolean aborted;
    private boolean ended;
    private boolean arrivalsStopped;
    private int sharesApplied;
    private ScheduledFuture<?> tick;
    private ScheduledFuture<?> intervalTick;
    private ScheduledFuture<?> stopDeadline;

    /**
     * Prepares the run: resolves the target once and encodes constant requests.
     *
     * @param eventLoops carry the users (one per core is right for most runs); the caller owns them
     * @throws EngineStartException when the target's host does not resolve or TLS cannot be set up
     */
    public Engine(EventLoopGroup eventLoops, TestPlan plan, StatsSink sink, EngineOptions options)
            throws EngineStartException {
        this(eventLoops, plan, sink, options, new PlannedTargets(plan.load(), plan.scenario().userClasses()));
    }

    /**
     * Prepares a run whose users follow {@code targets} instead of the plan's load (a worker's, set by the master).
     *
     * @throws EngineStartException when the target's host does not resolve or TLS cannot be set up
     */
    @SuppressWarnings("unchecked")
    public Engine(EventLoopGroup eventLoops, TestPlan plan, StatsSink sink, EngineOptions options, UserTargets targets)
            throws EngineStartException {
        this.plan = plan;
        this.sink = sink;
        this.options = options;
        this.targets = targets;
        this.watchdog = new PluginWatchdog(options.notices());
        this.nextUserId = options.firstUserId();
        this.arrivalPlan = plan.load() instanceof ArrivalRatePlan arrivals ? arrivals : null;
        Scenario scenario = plan.scenario();
        URI target = scenario.target();
        InetSocketAddress address = resolve(target);
        SslContext ssl = "https".equals(target.getScheme()) ? tls(options.insecureTls()) : null;

        RequestEncoder sharedEncoder = new RequestEncoder(target);
        int classes = scenario.userClasses().size();
        for (UserClassPlan userClass : scenario.userClasses()) {
            userClasses.add(new UserClassRuntime(userClass, sharedEncoder, scenario));
        }
        this.runningByClass = new Deque[classes];
        for (int i = 0; i < classes; i++) {
            runningByClass[i] = new ArrayDeque<>();
        }
        this.wanted = new int[classes];

        ConnectionBudget budget = ConnectionBudget.ofThisProcess(monitor::recordOutOfFileDescriptors);
        DataFeeds data = DataFeeds.of(scenario.data(), options.workerIndex(), (int) options.userIdStride());
        for (EventExecutor executor : eventLoops) {
            EventLoop loop = (EventLoop) executor;
            loops.add(new LoopWorker(new LoopResources(loop, new StatsRecorder(scenario.recordedRows()),
                    new ConnectionFactory(loop, address, target.getHost(), ssl, !options.insecureTls(), budget),
                    new RequestEncoder(target), data,
                    options.requestEvents() == null ? null : new RequestEventBuffer(options.requestEvents())),
                    this::onUserFinished));
        }
        this.control = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stampede-control");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the run; the future completes after the last interval was handed to the sink. */
    public CompletableFuture<RunResult> start() {
        return start(Map.of());
    }

    /**
     * Starts the run with the values the test's setup extracted (by name, without {@code setup.}), which every
     * user reads as {@code ${setup.NAME}}; a name missing here renders empty.
     */
    public CompletableFuture<RunResult> start(Map<String, String> setupValues) {
        List<String> names = plan.lifecycle().setupNames();
        String[] values = new String[names.size()];
        for (int i = 0; i < values.length; i++) values[i] = setupValues.get(names.get(i));
        // Written before any user exists; users are created on the loops after the control thread's task below.
        userClasses.forEach(userClass -> userClass.useSetupValues(values));
        control.execute(() -> {
            startNanos = System.nanoTime();
            lastTickNanos = startNanos;
            startEpochMillis = System.currentTimeMillis();
            monitor.start();
            loops.forEach(loop -> loop.eventLoop.execute(loop::startPeriodicWork));
            if (arrivalPlan != null) startArrivals();
            tick = control.scheduleAtFixedRate(this::tick, 0, CONTROL_TICK_MILLIS, TimeUnit.MILLISECONDS);
            intervalTick = control.scheduleAtFixedRate(() -> drainInterval(false), INTERVAL_MILLIS, INTERVAL_MILLIS,
                    TimeUnit.MILLISECONDS);
            control.scheduleAtFixedRate(watchdog::check, WATCHDOG_MILLIS, WATCHDOG_MILLIS, TimeUnit.MILLISECONDS);
        });
        return result;
    }

    /** Stops early, as if the plan had ended now (Ctrl-C). Safe from any thread. */
    public void abort() {
        control.execute(() -> {
            aborted = true;
            beginStop();
        });
    }

    /** Whether the generator keeps up: event-loop lag and CPU per second. Safe from any thread. */
    public GeneratorMonitor monitor() {
        return monitor;
    }

    /** Users running now, as last set by the control thread. Safe from any thread (a racy read). */
    public int runningUsers() {
        return activeUsers.get();
    }

    /**
     * Deals this worker's arrivals to its loops: its share (the master's, or worker w of W taking arrivals w, w + W,
     * ... with its part of maxUsers) is split again over n = min(loops, plan maxUsers) loops ({@link ArrivalShare#part}).
     */
    private void startArrivals() {
        List<ArrivalShare> given = targets.arrivalShares();
        ArrivalShare share = given.isEmpty() ? defaultShare() : given.get(given.size() - 1);
        sharesApplied = given.size();
        int arrivalLoops = Math.max(1, Math.min(loops.size(), arrivalPlan.maxUsers()));
        int[] weights = plan.scenario().userClasses().stream().mapToInt(UserClassPlan::weight).toArray();
        for (int i = 0; i < arrivalLoops; i++) {
            LoopWorker loop = loops.get(i);
            WeightedPicker classes = new WeightedPicker(weights);
            ArrivalTimer timer = new ArrivalTimer(arrivalPlan, loop.resources, share.part(i, arrivalLoops),
                    self -> newOpenUser(loop, classes.nextInTurn(), self));
            arrivalTimers.add(timer);
            loop.eventLoop.execute(() -> loop.startArrivals(timer, startNanos));
        }
    }

    /** Without a master's share: worker w of W (the user-id stride) takes arrivals w, w + W, ... */
    private ArrivalShare defaultShare() {
        int workers = (int) options.userIdStride();
        int worker = options.workerIndex();
        return new ArrivalShare(0, worker, workers, ArrivalShare.evenPart(arrivalPlan.maxUsers(), workers, worker));
    }

    /** Hands the shares the master sent since the last look to the loops' timers. On the control thread. */
    private void applyNewShares() {
        List<ArrivalShare> given = targets.arrivalShares();
        for (; sharesApplied < given.size(); sharesApplied++) {
            ArrivalShare share = given.get(sharesApplied);
            for (int i = 0; i < arrivalTimers.size(); i++) {
                ArrivalTimer timer = arrivalTimers.get(i);
                ArrivalShare part = share.part(i, arrivalTimers.size());
                loops.get(i).eventLoop.execute(() -> timer.reshare(part));
            }
        }
    }

    /** Creates an open-model user on {@code loop}'s thread, adopted by the loop and counted as running. */
    private VirtualUser newOpenUser(LoopWorker loop, int classIndex, ArrivalTimer timer) {
        long userId = options.firstUserId() + openUsers.getAndIncrement() * options.userIdStride();
        VirtualUser user = new VirtualUser(userId, options.workerIndex(), userClasses.get(classIndex),
                loop.resources, loop::userFinished, timer::release, options.seed() * 31 + userId,
                plan.stopTimeoutMillis());
        activeUsers.incrementAndGet();
        usersCreated.incrementAndGet();
        loop.adopt(user);
        return user;
    }

    private void tick() {
        if (stopping) return;
        long now = System.nanoTime();
        long elapsedMillis = (now - startNanos) / 1_000_000;
        if (arrivalPlan != null) {
            // The targets only say when the run ends (at the plan's end, or when the master says so).
            if (!targets.wantedUsers(elapsedMillis, (now - lastTickNanos) / 1_000_000, wanted)) {
                beginStop();
                return;
            }
            lastTickNanos = now;
            applyNewShares();
            return;
        }
        if (!targets.wantedUsers(elapsedMillis, (now - lastTickNanos) / 1_000_000, wanted)) {
            beginStop();
            return;
        }
        lastTickNanos = now;
        for (int classIndex = 0; classIndex < wanted.length; classIndex++) {
            Deque<VirtualUser> users = runningByClass[classIndex];
            while (users.size() < wanted[classIndex]) spawnUser(classIndex);
            while (users.size() > wanted[classIndex]) stopUser(users.pollLast());
        }
        peakUsers = Math.max(peakUsers, running);
        intervalPeakUsers = Math.max(intervalPeakUsers, running);
    }

    private void spawnUser(int classIndex) {
        long userId = nextUserId;
        nextUserId += options.userIdStride();
        LoopWorker loop = loops.get((int) (spawned++ % loops.size()));
        VirtualUser user = new VirtualUser(userId, options.workerIndex(), userClasses.get(classIndex),
                loop.resources, loop::userFinished, options.seed() * 31 + userId, plan.stopTimeoutMillis());
        runningByClass[classIndex].addLast(user);
        running++;
        activeUsers.incrementAndGet();
        loop.eventLoop.execute(() -> loop.start(user));
    }

    private void stopUser(VirtualUser user) {
        running--;
        user.loopExecute(user::stop);
    }

    private void beginStop() {
        if (stopping) return;
        stopping = true;
        if (tick != null) tick.cancel(false);
        for (Deque<VirtualUser> users : runningByClass) {
            while (!users.isEmpty()) stopUser(users.pollLast());
        }
        stopDeadline = control.schedule(() -> loops.forEach(loop -> loop.eventLoop.execute(loop::interruptAll)),
                plan.stopTimeoutMillis(), TimeUnit.MILLISECONDS);
        control.schedule(this::giveUpStuckLoops, plan.stopTimeoutMillis() + HANG_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        if (arrivalPlan == null) {
            if (activeUsers.get() == 0) end();
            return;
        }
        // Open model: users are created on the loops, so the run may end only once every loop stopped its arrivals.
        AtomicInteger pending = new AtomicInteger(loops.size());
        for (LoopWorker loop : loops) {
            loop.eventLoop.execute(() -> {
                loop.stopArrivals();
                if (pending.decrementAndGet() == 0) {
                    control.execute(() -> {
                        arrivalsStopped = true;
                        if (activeUsers.get() == 0) end();
                    });
                }
            });
        }
    }

    /** A user ended (on its loop). The last one to end while stopping ends the run. */
    private void onUserFinished(VirtualUser user) {
        // A loop given up at the end (a plugin blocked it) may wake after the run: its users end into nothing.
        if (activeUsers.decrementAndGet() == 0 && !control.isShutdown()) {
            control.execute(() -> {
                if (stopping && activeUsers.get() == 0 && (arrivalPlan == null || arrivalsStopped)) end();
            });
        }
    }

    /**
     * The stop timeout and the grace have passed and the run has not ended: loops that run no tasks (a plugin
     * blocks them) are given up, their parts of the open intervals missing, and the run ends with the others. On
     * the control thread.
     */
    private void giveUpStuckLoops() {
        if (ended) return;
        long now = System.nanoTime();
        for (int i = 0; i < loops.size(); i++) {
            LoopWorker loop = loops.get(i);
            if (now - loop.lagProbe.lastRunNanos() > TimeUnit.MILLISECONDS.toNanos(STUCK_AFTER_MILLIS)) {
                abandoned.add(i);
                String plugin = PluginWatchdog.blockingPlugin(loop.threadName);
                options.notices().accept("the run ends without event loop " + loop.threadName + ", which "
                        + (plugin == null ? "runs no tasks" : "is blocked in plugin " + plugin)
                        + ": the requests its users made in its last seconds are not in the reports");
            }
        }
        if (abandoned.isEmpty()) return;
        end();
        for (PendingInterval interval : draining.values()) {
            for (int i : abandoned) {
                if (interval.claim(i) && interval.partDone()) completeInterval(interval);
            }
        }
    }

    private void end() {
        if (ended) return;
        ended = true;
        intervalTick.cancel(false);
        if (stopDeadline != null) stopDeadline.cancel(false);
        drainInterval(true);
    }

    /** Asks every loop for its part of the current interval; the last part completes the interval. */
    private void drainInterval(boolean last) {
        long intervalId = nextIntervalId++;
        // The most users that ran during the interval: at the end of a run none are left running.
        int users = arrivalPlan != null ? usersCreated.get() : Math.max(intervalPeakUsers, running);
        intervalPeakUsers = running;
        peakUsers = Math.max(peakUsers, users);
        PendingInterval interval = PendingInterval.of(intervalId, users, last, loops.size());
        draining.put(intervalId, interval);
        for (int i = 0; i < loops.size(); i++) {
            LoopWorker loop = loops.get(i);
            int index = i;
            if (abandoned.contains(index)) {
                if (interval.claim(index) && interval.partDone()) completeInterval(interval);
                continue;
            }
            loop.eventLoop.execute(() -> {
                if (!interval.claim(index)) return; // given up: the run ended without this loop
                if (last) loop.stopPeriodicWork();
                sink.accept(loop.recorder.drain(intervalId));
                if (loop.resources.events != null) loop.resources.events.handOver();
                monitor.acceptLag(intervalId, loop.lagProbe.drain());
                if (interval.partDone()) completeInterval(interval);
            });
        }
    }

    /** Every part of the interval is in (or given up): hands it on; the last one finishes the run. */
    private void completeInterval(PendingInterval interval) {
        draining.remove(interval.id());
        monitor.completeInterval(interval.id());
        long endEpochMillis = System.currentTimeMillis();
        sink.completeInterval(interval.id(), interval.users(), endEpochMillis);
        if (interval.last()) finish(endEpochMillis, interval.id() + 1);
    }

    private void finish(long endEpochMillis, long intervals) {
        monitor.stop();
        control.shutdown();
        result.complete(new RunResult(startEpochMillis, endEpochMillis, peakUsers, aborted, intervals));
    }

    private static InetSocketAddress resolve(URI target) throws EngineStartException {
        int port = target.getPort() > 0 ? target.getPort() : "https".equals(target.getScheme()) ? 443 : 80;
        try {
            return new InetSocketAddress(InetAddress.getByName(target.getHost()), port);
        } catch (UnknownHostException e) {
            throw new EngineStartException("cannot resolve the target's host '" + target.getHost() + "'", e);
        }
    }

    private static SslContext tls(boolean insecure) throws EngineStartException {
        try {
            return TlsContexts.client(insecure, System.err);
        } catch (javax.net.ssl.SSLException e) {
            throw new EngineStartException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
