package io.stampede.runner.model.spec;

import java.time.Duration;

/**
 * {@code spec.load.stress} as written: step the load up until a step breaks. Absent fields take the contract's
 * defaults (the same as {@code preset: stress}): users from 50 by 50 up to 500, every 1m, breakOn thresholds.
 *
 * @param users   user steps (closed model); null when rate steps are written instead
 * @param rate    arrival-rate steps (open model); null when absent. The binder refuses them until the open model
 *                exists, so a bound spec never carries them.
 * @param every   how long each step holds, >= 1s
 * @param breakOn what breaks a step; {@value #BREAK_ON_THRESHOLDS} (the file's thresholds, judged over each step
 *                alone) is the only value so far
 */
public record StressSpec(Steps users, Steps rate, Duration every, String breakOn) {

    public static final String BREAK_ON_THRESHOLDS = "thresholds";
    public static final Steps DEFAULT_USERS = new Steps(50, 50, 500);
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(1);
    /** What {@code preset: stress} stands for. */
    public static final StressSpec DEFAULTS = new StressSpec(DEFAULT_USERS, null, DEFAULT_EVERY, BREAK_ON_THRESHOLDS);

    /**
     * Steps from {@code start} by {@code step} up to {@code max} (the last step is {@code max}).
     *
     * @param start >= 1
     * @param step  >= 1
     * @param max   >= start
     */
    public record Steps(int start, int step, int max) {
    }
}
