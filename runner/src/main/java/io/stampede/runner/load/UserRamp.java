package io.stampede.runner.load;

/**
 * Moves a user count towards a target no faster than a spawn rate, like Locust's spawn rate.
 * Pure state machine: the caller supplies the elapsed time, so it is tested without clocks.
 *
 * <p>Threading: not thread safe; owned by the engine's control thread.
 */
public final class UserRamp {

    private final double ratePerSecond;
    private double current;

    /** @param ratePerSecond users started or stopped per second, > 0; POSITIVE_INFINITY jumps to the target */
    public UserRamp(double ratePerSecond) {
        if (!(ratePerSecond > 0)) throw new IllegalArgumentException("spawn rate must be > 0: " + ratePerSecond);
        this.ratePerSecond = ratePerSecond;
    }

    /**
     * Advances by {@code elapsedMillis} towards {@code target} and returns the whole number of users to run now.
     *
     * @param target        the users wanted, >= 0
     * @param elapsedMillis time since the previous call, >= 0
     */
    public int advance(int target, long elapsedMillis) {
        double step = Double.isInfinite(ratePerSecond) ? Double.POSITIVE_INFINITY : ratePerSecond * elapsedMillis / 1000.0;
        if (current < target) {
            current = Math.min(target, current + step);
        } else if (current > target) {
            current = Math.max(target, current - step);
        }
        // A small epsilon so that 0.1 * 10 steps reaches 1 user despite floating-point error.
        return (int) Math.floor(current + 1e-9);
    }

    public int current() {
        return (int) Math.floor(current + 1e-9);
    }
}
