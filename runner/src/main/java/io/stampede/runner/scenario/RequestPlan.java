package io.stampede.runner.scenario;

import java.util.List;

/**
 * One HTTP request, ready to render: headers already merged (defaults.headers, then the user class's headers,
 * then the request's own; a later one replaces an earlier one of the same name, case-insensitively).
 *
 * @param method        upper-case HTTP method
 * @param pathAndQuery  the path with its query string, starting with '/', relative to the target
 * @param headers       headers to send besides Host, Content-Length and Connection, which the engine sets
 * @param body          the body, or null for none
 * @param timeoutMillis the per-request timeout, > 0; the time from sending to the last byte of the answer
 * @param row           index of the stats row in {@link Scenario#rows()}
 * @param followRedirects how many redirects to follow, 0 (never) and up; the hops followed are counted in
 *                        {@link Scenario#hopRowOf}
 * @param signer        the plugin signer that adds headers to every request sent (redirects too), or null
 */
public record RequestPlan(String method, Template pathAndQuery, List<HeaderPlan> headers, BodyPlan body,
                          long timeoutMillis, int row, int followRedirects, SignerPlan signer) {

    /** An unsigned request. */
    public RequestPlan(String method, Template pathAndQuery, List<HeaderPlan> headers, BodyPlan body,
                       long timeoutMillis, int row, int followRedirects) {
        this(method, pathAndQuery, headers, body, timeoutMillis, row, followRedirects, null);
    }

    /** A request that follows no redirect. */
    public RequestPlan(String method, Template pathAndQuery, List<HeaderPlan> headers, BodyPlan body,
                       long timeoutMillis, int row) {
        this(method, pathAndQuery, headers, body, timeoutMillis, row, 0);
    }

    public record HeaderPlan(String name, Template value) {
    }

    /**
     * A request body: either {@code text}, which renders the whole body (for {@code json:} bodies JSON text in
     * which a string that is exactly one numeric expression, say {@code "${randomInt(1,9)}"}, becomes a JSON
     * number; for {@code form:} bodies the url-encoded fields), or {@code multipart} (then text is null).
     */
    public record BodyPlan(String contentType, Template text, MultipartPlan multipart) {

        public BodyPlan(String contentType, Template text) {
            this(contentType, text, null);
        }

        public boolean isConstant() {
            return multipart != null ? multipart.isConstant() : text.isConstant();
        }
    }

    /**
     * True when nothing in the request depends on the user, so it can be encoded once (a signed request never is:
     * a signature may hold a time or a nonce).
     */
    public boolean isConstant() {
        return signer == null && rendersConstant();
    }

    /**
     * True when the path, the headers and the body do not depend on the user, signed or not: a signed one is then
     * encoded once but for its signer's headers.
     */
    public boolean rendersConstant() {
        return pathAndQuery.isConstant()
                && headers.stream().allMatch(h -> h.value().isConstant())
                && (body == null || body.isConstant());
    }
}
