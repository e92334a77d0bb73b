package io.stampede.plugin;

import java.util.concurrent.CompletionStage;

/**
 * A step that does its own work instead of an HTTP request, such as publishing to a queue or calling another
 * protocol, written in a task's {@code steps}, {@code onStart} or {@code onStop}:
 * {@code - step: {plugin: NAME, name: "publish order", timeout: 2s, with: {...}}}. It is timed and counted in its
 * own stats row ({@code STEP publish order}) like a request: a success, or a failure with its cause; a failure ends
 * the task, as a failed request does.
 */
public interface CustomStep extends Extension {

    /**
     * Load time, once per use in the file.
     *
     * @throws IllegalArgumentException when a setting is missing or wrong: reported at the step's field path,
     *                                  exit 2
     */
    Step create(Settings settings);

    /** One configured use. */
    @FunctionalInterface
    interface Step {

        /**
         * Starts the step for one user and returns at once: the work goes on asynchronously (on
         * {@link StepContext#loop()}, or on the plugin's own client's threads), and the returned stage completes
         * when it is done. Called on the user's event loop: never block it.
         *
         * <p>The step fails with the cause {@code plugin NAME: <message>} when this method throws, when the stage
         * completes exceptionally, or with {@link StepResult#failed}; and with
         * {@code plugin NAME: did not finish within T} when the stage is not complete within the step's
         * {@code timeout} (the stage's later completion is then ignored). Completing the stage from any thread is
         * fine: the runner goes on on the user's loop.
         */
        CompletionStage<StepResult> start(StepContext context) throws Exception;
    }
}
