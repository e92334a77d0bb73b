package io.stampede.runner.engine;

import io.stampede.runner.load.ArrivalRatePlan;
import io.stampede.runner.stats.ArrivalCounts;

import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One event loop's share of the open model: a single timer that fires at each of its arrivals' scheduled times
 * (arrivals {@code first, first + stride, ...} of the {@link ArrivalRatePlan}) and starts a task iteration on a
 * free user of this loop's pool, creating users up to the loop's share of maxUsers. An arrival that finds none
 * free is dropped and counted; one started more than {@link ArrivalCounts#LATE_MILLIS} ms after its time (the loop
 * was busy) is counted late. Every arrival due is handled, late or not: when the timer fires late it catches up
 * with all arrivals due by then, each timed from its own schedule.
 *
 * <p>Idle users are reused last-in first-out, so the users that stay busy are the ones with warm connections.
 *
 * <p>Threading: confined to the loop's thread.
 */
final class ArrivalTimer {

    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(ArrivalCounts.LATE_MILLIS);

    private final ArrivalRatePlan plan;
    private final LoopResources loop;
    private final int stride;
    private final int maxUsers;
    private final Function<ArrivalTimer, VirtualUser> newUser;
    private final ArrayDeque<VirtualUser> idle = new ArrayDeque<>();
    private long next;
    private long startNanos;
    private int created;
    private ScheduledFuture<?> timer;
    private boolean stopped;

    /**
     * @param first    this loop's first arrival index, 0 .. stride - 1
     * @param stride   how many loops share the arrivals, >= 1
     * @param maxUsers this loop's share of maxUsers, >= 0 (0: every arrival here is dropped)
     * @param newUser  creates an open-model user on this loop that it hands back to this timer when free (called
     *                 at most maxUsers times)
     */
    ArrivalTimer(ArrivalRatePlan plan, LoopResources loop, int first, int stride, int maxUsers,
                 Function<ArrivalTimer, VirtualUser> newUser) {
        this.plan = plan;
        this.loop = loop;
        this.next = first;
        this.stride = stride;
        this.maxUsers = maxUsers;
        this.newUser = newUser;
    }

    /** Starts the schedule; arrival times count from {@code startNanos} ({@link System#nanoTime()} scale). */
    void start(long startNanos) {
        this.startNanos = startNanos;
        scheduleNext();
    }

    /** A user finished its iteration and is free again. */
    void release(VirtualUser user) {
        if (!stopped) idle.addLast(user);
    }

    /** Handles the arrivals due by now, then starts no more; idle users are handed back for stopping. */
    void stop() {
        if (stopped) return;
        fire();
        stopped = true;
        if (timer != null) timer.cancel(false);
        idle.clear();
    }

    private void scheduleNext() {
        long due = plan.scheduledNanos(next);
        if (due == Long.MAX_VALUE) {
            timer = null;
            return;
        }
        long delay = startNanos + due - System.nanoTime();
        timer = loop.eventLoop.schedule(this::fire, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    private void fire() {
        if (stopped) return;
        long now = System.nanoTime();
        long due;
        while ((due = plan.scheduledNanos(next)) != Long.MAX_VALUE && startNanos + due <= now) {
            arrive(startNanos + due, now);
            next += stride;
        }
        scheduleNext();
    }

    private void arrive(long scheduledAt, long now) {
        VirtualUser user = idle.pollLast();
        if (user == null && created < maxUsers) {
            created++;
            user = newUser.apply(this);
        }
        if (user == null) {
            loop.recorder.recordArrivalDropped();
            return;
        }
        loop.recorder.recordArrivalStarted(now - scheduledAt > LATE_NANOS);
        user.runIteration(scheduledAt);
    }
}
