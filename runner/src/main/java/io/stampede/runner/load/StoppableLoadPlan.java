package io.stampede.runner.load;

/**
 * A {@link LoadPlan} that the run can end early, e.g. a {@link StressLoadPlan} at the first step that breaks.
 * Ending it shortens {@link #durationMillis()} to the moment asked for; whatever follows the plan (the engine's
 * control loop, the master's) stops the users at its next look at the duration, lets in-flight requests finish
 * within the stop timeout and writes every report, as at a planned end.
 *
 * <p>Threading: {@link #endAt} may be called from any thread (the thread that judges steps); the other methods
 * are read by the control thread. The duration only ever shrinks.
 */
public final class StoppableLoadPlan implements LoadPlan {

    private final LoadPlan plan;
    private volatile long endMillis;
    private volatile String endReason;

    public StoppableLoadPlan(LoadPlan plan) {
        this.plan = plan;
        this.endMillis = plan.durationMillis();
    }

    /**
     * Ends the plan at {@code elapsedMillis} (at least 1 ms), or leaves it if it already ends sooner.
     *
     * @param reason why, for the run's messages: {@code broke at 400 users (p95 820ms)}
     */
    public synchronized void endAt(long elapsedMillis, String reason) {
        long end = Math.max(1, elapsedMillis);
        if (end < endMillis) {
            endMillis = end;
            endReason = reason;
        }
    }

    /** Why the plan was ended early, or null if it was not. */
    public String endReason() {
        return endReason;
    }

    /** The plan as written. */
    public LoadPlan plan() {
        return plan;
    }

    @Override
    public int targetUsersAt(long elapsedMillis) {
        return plan.targetUsersAt(elapsedMillis);
    }

    @Override
    public long durationMillis() {
        return endMillis;
    }

    @Override
    public double spawnRatePerSecond() {
        return plan.spawnRatePerSecond();
    }

    @Override
    public int peakUsers() {
        return plan.peakUsers();
    }
}
