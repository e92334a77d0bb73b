package io.stampede.runner.cluster.worker;

import io.stampede.runner.engine.UserTargets;
import io.stampede.runner.load.ArrivalShare;

import java.util.ArrayList;
import java.util.List;

/**
 * The users the master assigned to this worker, per user class, or in the open model its shares of the arrivals,
 * until it says stop. When the master stops the run because the plan ended on its clock, an open-model worker,
 * whose clock started when the Start message arrived, goes on until its own schedule ended too, so that every
 * arrival of the plan is handled (started or dropped) and none is lost to the start's delay.
 *
 * <p>Threading: {@link #assign}, {@link #assignArrivals} and {@link #end} are called by the worker's agent thread,
 * {@link #wantedUsers} and {@link #arrivalShares} by the engine's control thread; the values are published through
 * volatile fields (the shares as a new immutable list each time).
 */
final class AssignedTargets implements UserTargets {

    private final long scheduleEndMillis;
    private volatile int[] users;
    private volatile boolean ended;
    private volatile boolean endingAfterSchedule;
    private volatile List<ArrivalShare> arrivalShares = List.of();

    /** @param scheduleEndMillis open model: the plan's duration (its last arrival is due before); otherwise 0 */
    AssignedTargets(int classes, long scheduleEndMillis) {
        this.users = new int[classes];
        this.scheduleEndMillis = scheduleEndMillis;
    }

    /** @param perClass one count per user class; a list of another length is cut or padded with zeros */
    void assign(List<Integer> perClass) {
        int[] next = new int[users.length];
        for (int i = 0; i < next.length && i < perClass.size(); i++) {
            next[i] = Math.max(0, perClass.get(i));
        }
        users = next;
    }

    /** Open model: a new share, in force from its fromArrival on (the master sends them in that order). */
    void assignArrivals(ArrivalShare share) {
        List<ArrivalShare> next = new ArrayList<>(arrivalShares);
        next.add(share);
        arrivalShares = List.copyOf(next);
    }

    @Override
    public List<ArrivalShare> arrivalShares() {
        return arrivalShares;
    }

    void end() {
        ended = true;
    }

    /** The plan ended on the master's clock: end once this worker's schedule has ended too. */
    void endAfterSchedule() {
        endingAfterSchedule = true;
    }

    @Override
    public boolean wantedUsers(long elapsedMillis, long sinceLastCallMillis, int[] wanted) {
        if (ended || (endingAfterSchedule && elapsedMillis >= scheduleEndMillis)) return false;
        int[] current = users;
        System.arraycopy(current, 0, wanted, 0, Math.min(current.length, wanted.length));
        return true;
    }
}
