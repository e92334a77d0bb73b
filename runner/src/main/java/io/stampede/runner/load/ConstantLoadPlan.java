package io.stampede.runner.load;

/**
 * The same number of users for the whole run, started at most {@code spawnRatePerSecond} per second.
 *
 * @param users              >= 1
 * @param spawnRatePerSecond > 0; {@link Double#POSITIVE_INFINITY} starts all users at once
 * @param durationMillis     > 0
 */
public record ConstantLoadPlan(int users, double spawnRatePerSecond, long durationMillis) implements LoadPlan {

    public ConstantLoadPlan {
        if (users < 1) {
            throw new IllegalArgumentException("users must be >= 1: " + users);
        }
        if (!(spawnRatePerSecond > 0)) {
            throw new IllegalArgumentException("spawnRatePerSecond must be > 0: " + spawnRatePerSecond);
        }
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("durationMillis must be > 0: " + durationMillis);
        }
    }

    @Override
    public int targetUsersAt(long elapsedMillis) {
        return users;
    }

    @Override
    public int peakUsers() {
        return users;
    }
}
