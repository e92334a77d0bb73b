package io.stampede.runner.load;

/**
 * Stress to the breaking point (closed model): users step up from {@code startUsers} by {@code stepUsers} every
 * {@code everyMillis} up to {@code maxUsers} (the last step holds {@code maxUsers} even when the step does not divide
 * the range), each change approached at {@code spawnRatePerSecond}. Pure: a function of elapsed time; the run stops
 * it early at the first step that breaks through a {@link StoppableLoadPlan}.
 *
 * <p>Steps are numbered from 1, as the capacity report numbers them. Step k runs over
 * {@code [(k-1) * every, k * every)}.
 *
 * <p>Judged part of a step ({@link #judgedFromMillis}): each step is judged over its own seconds, without the first
 * ones after the change of users: the time the spawn rate needs to start the step's new users, plus
 * {@value #SETTLE_MILLIS} ms, at most half the step. Why: new users open connections (a TCP, maybe TLS handshake
 * each), the target grows its pools and warms its caches, and queues take a few seconds to fill to the level the new
 * load keeps them at; judged with the step, that transient would break a step that holds, or hide one that does not
 * (a queue that keeps growing is still short then). Five seconds cover the transients seen on 127.0.0.1 targets and
 * are a small part of a one-minute step.
 *
 * @param startUsers         users of step 1, >= 1
 * @param stepUsers          users added at each step, >= 1
 * @param maxUsers           users of the last step, >= startUsers
 * @param everyMillis        how long each step holds, >= 1000
 * @param spawnRatePerSecond users started per second at each change, > 0; POSITIVE_INFINITY for all at once
 */
public record StressLoadPlan(int startUsers, int stepUsers, int maxUsers, long everyMillis,
                             double spawnRatePerSecond) implements LoadPlan {

    public static final long SETTLE_MILLIS = 5_000;

    public StressLoadPlan {
        if (startUsers < 1) throw new IllegalArgumentException("startUsers must be >= 1: " + startUsers);
        if (stepUsers < 1) throw new IllegalArgumentException("stepUsers must be >= 1: " + stepUsers);
        if (maxUsers < startUsers) {
            throw new IllegalArgumentException("maxUsers must be >= startUsers: " + maxUsers + " < " + startUsers);
        }
        if (everyMillis < 1000) throw new IllegalArgumentException("everyMillis must be >= 1000: " + everyMillis);
        if (!(spawnRatePerSecond > 0)) {
            throw new IllegalArgumentException("spawnRatePerSecond must be > 0: " + spawnRatePerSecond);
        }
    }

    /** How many steps: start, start + step, ... and max last. */
    public int steps() {
        return (maxUsers - startUsers + stepUsers - 1) / stepUsers + 1;
    }

    /** Users of step {@code step} (1..steps()). */
    public int usersOfStep(int step) {
        checkStep(step);
        return Math.min(maxUsers, startUsers + (step - 1) * stepUsers);
    }

    /** The step running at {@code elapsedMillis}: 1 from the start, the last one from its start on. */
    public int stepAt(long elapsedMillis) {
        return (int) Math.min(steps(), Math.max(0, elapsedMillis) / everyMillis + 1);
    }

    public long stepStartMillis(int step) {
        checkStep(step);
        return (step - 1) * everyMillis;
    }

    public long stepEndMillis(int step) {
        return stepStartMillis(step) + everyMillis;
    }

    /** Where the judged part of a step starts (see the class comment). */
    public long judgedFromMillis(int step) {
        int added = step == 1 ? usersOfStep(1) : usersOfStep(step) - usersOfStep(step - 1);
        double rampMillis = Double.isInfinite(spawnRatePerSecond) ? 0 : Math.ceil(added / spawnRatePerSecond * 1000);
        long settle = (long) Math.min(everyMillis / 2.0, rampMillis + SETTLE_MILLIS);
        return stepStartMillis(step) + settle;
    }

    /**
     * The step whose judged part holds the one-second interval {@code intervalId} (covering
     * {@code [id s, id+1 s)}), or 0 when the interval falls in a step's first seconds or across two steps.
     */
    public int judgedStepOfInterval(long intervalId) {
        long from = intervalId * 1000;
        int step = stepAt(from);
        if (from >= (long) steps() * everyMillis) return 0;
        return from >= judgedFromMillis(step) && from + 1000 <= stepEndMillis(step) ? step : 0;
    }

    @Override
    public int targetUsersAt(long elapsedMillis) {
        return usersOfStep(stepAt(elapsedMillis));
    }

    @Override
    public long durationMillis() {
        return steps() * everyMillis;
    }

    @Override
    public int peakUsers() {
        return maxUsers;
    }

    private void checkStep(int step) {
        if (step < 1 || step > steps()) throw new IllegalArgumentException("step must be 1.." + steps() + ": " + step);
    }
}
