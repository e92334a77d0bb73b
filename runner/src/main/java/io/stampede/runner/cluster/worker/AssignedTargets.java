package io.stampede.runner.cluster.worker;

import io.stampede.runner.engine.UserTargets;
import io.stampede.runner.load.ArrivalShare;

import java.util.ArrayList;
import java.util.List;

/**
 * The users the master assigned to this worker, per user class, or in the open model its shares of the arrivals,
 * until it says stop.
 *
 * <p>Threading: {@link #assign}, {@link #assignArrivals} and {@link #end} are called by the worker's agent thread,
 * {@link #wantedUsers} and {@link #arrivalShares} by the engine's control thread; the values are published through
 * volatile fields (the shares as a new immutable list each time).
 */
final class AssignedTargets implements UserTargets {

    private volatile int[] users;
    private volatile boolean ended;
    private volatile List<ArrivalShare> arrivalShares = List.of();

    AssignedTargets(int classes) {
        this.users = new int[classes];
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

    @Override
    public boolean wantedUsers(long elapsedMillis, long sinceLastCallMillis, int[] wanted) {
        if (ended) return false;
        int[] current = users;
        System.arraycopy(current, 0, wanted, 0, Math.min(current.length, wanted.length));
        return true;
    }
}
