package io.stampede.plugin;

/**
 * A check of a response, used from {@code expect.checks: [{plugin: NAME, with: {...}}]} beside the built-in
 * {@code status}, {@code json}, {@code headers} and {@code bodyContains}. Checks run in the order written, after
 * the status is accepted; the first failure is the request's cause.
 */
public interface CustomCheck extends Extension {

    /**
     * Load time, once per use in the file.
     *
     * @throws IllegalArgumentException when a setting is missing or wrong: reported at the check's field path,
     *                                  exit 2
     */
    Check create(Settings settings);

    /** One configured use. */
    @FunctionalInterface
    interface Check {

        /**
         * Judges a response. Runs on the user's event loop, concurrently on every loop: thread safe, never
         * blocking. An exception fails the request with the cause {@code plugin NAME: <message>}.
         *
         * @return null when the response passes, else the failure cause. Causes are the keys of a row's failure
         *         counts: keep them few and stable (name what was expected, not a value from the body)
         */
        String failure(CheckedResponse response) throws Exception;
    }
}
