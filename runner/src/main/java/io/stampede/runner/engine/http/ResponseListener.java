package io.stampede.runner.engine.http;

/**
 * Receives the outcome of one request sent on an {@link HttpConnection}. Exactly one of the two methods is called
 * once per request, on the connection's event loop.
 */
public interface ResponseListener {

    /**
     * The whole response has arrived.
     *
     * @param response valid only during this call (its body text is materialised only when it was asked for)
     */
    void onResponse(Response response);

    /**
     * The request failed without a complete response.
     *
     * @param cause short, stable text: {@code connection refused}, {@code connection reset}, {@code timeout after 10s}...
     * @param local true when the request never left the generator: no connection could be opened for it (no file
     *              descriptor left), so the target saw nothing and the failure came at once
     */
    void onFailure(String cause, boolean local);
}
