package io.stampede.runner.scenario;

/**
 * One check of {@code expect} on a response's content ({@code json}, {@code headers}; built in
 * {@code scenario.check}). Pure and thread safe.
 *
 * <p>A failure cause names the check and what it expected, never a value from the response: causes are the keys
 * of a row's failure counts, so they stay few and stable over a run (a body's ids or timestamps would make each
 * failure a cause of its own).
 */
public interface ResponseCheck {

    /** @return null when the response passes, else the failure cause, such as {@code json $.status: expected "ok"} */
    String failure(ResponseView response);

    /** Whether the check reads the body (a header check does not). */
    boolean readsBody();
}
