package io.stampede.plugin;

/**
 * How a {@link CustomStep} went, for its stats row. Immutable.
 *
 * <ul>
 *   <li>{@link #ok()}: a success, timed by the runner from {@code start} to the stage's completion;</li>
 *   <li>{@link #ok(long, long)}: a success with the plugin's own measurement (the broker's acknowledgement time,
 *       say) and size, recorded in the row instead;</li>
 *   <li>{@link #failed(String)}: a failure with this cause (keep causes few and stable: they are counted).</li>
 * </ul>
 */
public final class StepResult {

    private static final StepResult OK = new StepResult(-1, 0, null);

    private final long latencyMicros;
    private final long bytes;
    private final String failure;

    private StepResult(long latencyMicros, long bytes, String failure) {
        this.latencyMicros = latencyMicros;
        this.bytes = bytes;
        this.failure = failure;
    }

    public static StepResult ok() {
        return OK;
    }

    /**
     * @param latencyMicros the step's latency as the plugin measured it, µs, >= 0
     * @param bytes         the size to count for it (received, say), >= 0
     */
    public static StepResult ok(long latencyMicros, long bytes) {
        if (latencyMicros < 0 || bytes < 0) {
            throw new IllegalArgumentException("latency and bytes must be >= 0: " + latencyMicros + ", " + bytes);
        }
        return new StepResult(latencyMicros, bytes, null);
    }

    /** @param cause the failure's cause, recorded as {@code plugin NAME: cause} */
    public static StepResult failed(String cause) {
        return new StepResult(-1, 0, cause == null || cause.isBlank() ? "failed" : cause);
    }

    /** The plugin's latency in µs, or -1 when the runner times the step. */
    public long latencyMicros() {
        return latencyMicros;
    }

    public long bytes() {
        return bytes;
    }

    /** The failure's cause, or null for a success. */
    public String failure() {
        return failure;
    }
}
