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
 */
public record RequestPlan(String method, Template pathAndQuery, List<HeaderPlan> headers, BodyPlan body,
                          long timeoutMillis, int row) {

    public record HeaderPlan(String name, Template value) {
    }

    /**
     * A request body. {@code text} renders the whole body; for {@code json:} bodies it renders JSON text in which
     * a string that is exactly one numeric expression (say {@code "${randomInt(1,9)}"}) becomes a JSON number.
     */
    public record BodyPlan(String contentType, Template text) {
    }

    /** True when nothing in the request depends on the user, so it can be encoded once. */
    public boolean isConstant() {
        return pathAndQuery.isConstant()
                && headers.stream().allMatch(h -> h.value().isConstant())
                && (body == null || body.text().isConstant());
    }
}
