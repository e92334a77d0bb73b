package io.stampede.plugin;

import java.util.concurrent.ScheduledExecutorService;

/**
 * What a {@link CustomStep} gets for one run of the step. Use it on the user's event loop (in
 * {@link CustomStep.Step#start} or in tasks given to {@link #loop()}) until the step's stage completes.
 */
public interface StepContext {

    /**
     * The user's event loop, as an executor: run callbacks and timers here ({@code schedule}) to stay on the
     * user's thread. Never block it, and never shut it down.
     */
    ScheduledExecutorService loop();

    /** The value of a {@code with:} setting for this user, or null when it is not written. */
    String setting(String name);

    /**
     * A value this user extracted ({@code extract} of an earlier step; {@code setup.NAME} for what spec.setup
     * extracted), or null when it was not extracted (yet) or no step extracts that name.
     */
    String variable(String name);

    /** The user the step runs for. */
    UserContext user();
}
