package io.stampede.runner.engine;

import io.netty.channel.EventLoop;
import io.stampede.runner.engine.health.LoopLagProbe;
import io.stampede.runner.stats.StatsRecorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Everything one event loop owns: its users, the resources they share ({@link LoopResources}: stats recorder,
 * request encoder, connection factory), and the sweep that times out requests.
 *
 * <p>Threading: all state is confined to {@link #eventLoop}; other threads reach it only by posting tasks.
 */
final class LoopWorker {

    /** How often requests are checked against their deadlines; timeouts fire up to this much late. */
    static final long TIMEOUT_SWEEP_MILLIS = 50;

    final LoopResources resources;
    final EventLoop eventLoop;
    final StatsRecorder recorder;
    final LoopLagProbe lagProbe;

    private final List<VirtualUser> users = new ArrayList<>();
    private final Consumer<VirtualUser> onUserFinished;
    private ScheduledFuture<?> sweep;
    private ArrivalTimer arrivals;

    LoopWorker(LoopResources resources, Consumer<VirtualUser> onUserFinished) {
        this.resources = resources;
        this.eventLoop = resources.eventLoop;
        this.recorder = resources.recorder;
        this.onUserFinished = onUserFinished;
        this.lagProbe = new LoopLagProbe(eventLoop);
    }

    /** The loop's thread name (such as stampede-loop-1), known once periodic work started; any thread. */
    volatile String threadName = "an event loop";

    /** Starts the timeout sweep and the lag probe. On the loop. */
    void startPeriodicWork() {
        threadName = Thread.currentThread().getName();
        sweep = eventLoop.scheduleAtFixedRate(this::sweepTimeouts, TIMEOUT_SWEEP_MILLIS, TIMEOUT_SWEEP_MILLIS,
                TimeUnit.MILLISECONDS);
        lagProbe.start();
    }

    void stopPeriodicWork() {
        if (sweep != null) sweep.cancel(false);
        lagProbe.stop();
    }

    /** Adds and starts a user. On the loop. */
    void start(VirtualUser user) {
        user.indexInLoop = users.size();
        users.add(user);
        user.start();
    }

    /** Adds a user that the open model's arrivals will run (not started here). On the loop. */
    void adopt(VirtualUser user) {
        user.indexInLoop = users.size();
        users.add(user);
    }

    /** Starts this loop's share of the open model's arrivals. On the loop. */
    void startArrivals(ArrivalTimer timer, long startNanos) {
        arrivals = timer;
        timer.start(startNanos);
    }

    /**
     * Open model: handles the arrivals due by now, starts no more, and stops every user (idle ones end at once,
     * busy ones after their iteration). On the loop.
     */
    void stopArrivals() {
        if (arrivals != null) arrivals.stop();
        for (VirtualUser user : List.copyOf(users)) {
            user.stop();
        }
    }

    /** Called by a user when it has ended (the callback each user is given). On the loop. */
    void userFinished(VirtualUser user) {
        int index = user.indexInLoop;
        if (index < 0) return;
        VirtualUser last = users.remove(users.size() - 1);
        if (last != user) {
            users.set(index, last);
            last.indexInLoop = index;
        }
        user.indexInLoop = -1;
        onUserFinished.accept(user);
    }

    /** Ends every remaining user at once, counting requests still in flight as interrupted. On the loop. */
    void interruptAll() {
        for (VirtualUser user : List.copyOf(users)) {
            user.interrupt();
        }
    }

    private void sweepTimeouts() {
        long now = System.nanoTime();
        for (int i = 0; i < users.size(); i++) {
            users.get(i).connection().checkTimeout(now);
        }
    }
}
