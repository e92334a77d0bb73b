package io.stampede.runner.engine;

import io.stampede.runner.load.ArrivalRatePlan;
import io.stampede.runner.load.ArrivalShare;
import io.stampede.runner.stats.ArrivalCounts;

import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One event loop's share of the open model: a single timer that fires at each of its arrivals' scheduled times
 * (the arrivals of the {@link ArrivalRatePlan} its {@link ArrivalShare} takes) and starts a task iteration on a
 * free user of this loop's pool, creating users up to the share's maxUsers. A new share ({@link #reshare}, after
 * the master re-split the arrivals) takes over once this loop's next arrival reaches the new share's fromArrival;
 * if it comes after that arrival is due, the new share's arrivals already due are started at once, counted late. An arrival that finds none
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
    private final Function<ArrivalTimer, VirtualUser> newUser;
    private final ArrayDeque<VirtualUser> idle = new ArrayDeque<>();
    /** Shares received but not in force yet, by fromArrival. */
    private final ArrayDeque<ArrivalShare> pending = new ArrayDeque<>();
    private long stride;
    private int maxUsers;
    private long next;
    private long startNanos;
    private int created;
    private ScheduledFuture<?> timer;
    private boolean started;
    private boolean stopped;

    /**
     * @param share   this loop's arrivals and users from the start (its fromArrival 0); maxUsers 0 drops every one
     * @param newUser creates an open-model user on this loop that it hands back to this timer when free (called
     *                at most the largest maxUsers of its shares times)
     */
    ArrivalTimer(ArrivalRatePlan plan, LoopResources loop, ArrivalShare share,
                 Function<ArrivalTimer, VirtualUser> newUser) {
        this.plan = plan;
        this.loop = loop;
        this.newUser = newUser;
        take(share);
    }

    /** Starts the schedule; arrival times count from {@code startNanos} ({@link System#nanoTime()} scale). */
    void start(long startNanos) {
        this.startNanos = startNanos;
        started = true;
        scheduleNext();
    }

    /**
     * A new share of this loop, in force from its fromArrival on (shares come in increasing fromArrival). Users
     * already created stay in the pool if its maxUsers is smaller.
     */
    void reshare(ArrivalShare share) {
        if (stopped) return;
        pending.addLast(share);
        if (!started) return;
        if (timer != null) timer.cancel(false);
        fire();
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

    private void take(ArrivalShare share) {
        next = share.first();
        stride = share.stride();
        maxUsers = share.maxUsers();
    }

    /** Switches to the pending shares whose first arrival this loop has reached. */
    private void advanceShare() {
        while (!pending.isEmpty() && next >= pending.peekFirst().fromArrival()) take(pending.pollFirst());
    }

    private void scheduleNext() {
        advanceShare();
        long due = next == Long.MAX_VALUE ? Long.MAX_VALUE : plan.scheduledNanos(next);
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
        // Bounded: each round moves next on by >= 1 or ends; shares only move it back once each.
        while (true) {
            advanceShare();
            if (next == Long.MAX_VALUE || (due = plan.scheduledNanos(next)) == Long.MAX_VALUE || startNanos + due > now) {
                break;
            }
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
