package io.stampede.runner.cluster.worker;

import io.stampede.runner.engine.UserTargets;

import java.util.List;

/**
 * The users the master assigned to this worker, per user class, until it says stop.
 *
 * <p>Threading: {@link #assign} and {@link #end} are called by the worker's agent thread, {@link #wantedUsers} by
 * the engine's control thread; the values are published through volatile fields.
 */
final class AssignedTargets implements UserTargets {

    private volatile int[] users;
    private volatile boolean ended;

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
