package io.stampede.runner.load;

/**
 * One stage of a {@link StagedLoadPlan}: the target moves linearly to {@code users} over {@code durationMillis}.
 *
 * @param durationMillis > 0
 * @param users          >= 0
 */
public record Stage(long durationMillis, int users) {

    public Stage {
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("durationMillis must be > 0: " + durationMillis);
        }
        if (users < 0) {
            throw new IllegalArgumentException("users must be >= 0: " + users);
        }
    }
}
