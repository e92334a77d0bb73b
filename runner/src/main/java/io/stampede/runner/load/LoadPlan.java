package io.stampede.runner.load;

/**
 * How many users should run when (closed model). Pure: a function of elapsed time only.
 *
 * <p>Implementations: a constant target for users/duration, or stages (each moves linearly to its users over its
 * duration). The engine moves the actual user count towards the target no faster than
 * {@link #spawnRatePerSecond()}.
 */
public interface LoadPlan {

    /** Target users at the given time since the start, in ms (0..durationMillis), >= 0. */
    int targetUsersAt(long elapsedMillis);

    /** Total planned time: users stop starting new tasks after this, in ms, > 0. */
    long durationMillis();

    /** Most users started or stopped per second, > 0; {@link Double#POSITIVE_INFINITY} for "all at once". */
    double spawnRatePerSecond();

    /** Highest target over the whole plan (for sizing and messages). */
    int peakUsers();
}
