package io.stampede.runner.scenario;

import java.util.Map;
import java.util.Set;

/**
 * How a response is judged (Locust's catch_response): a failure is a status outside {@code statuses}
 * (empty = any 2xx or 3xx) or a failed body check.
 *
 * @param statuses     accepted status codes; empty means 200..399
 * @param messages     failure message to report for a given status instead of the default {@code HTTP 409}
 * @param bodyContains text the body must contain, or null for no check
 */
public record ExpectPlan(Set<Integer> statuses, Map<Integer, String> messages, String bodyContains) {

    public static final ExpectPlan DEFAULT = new ExpectPlan(Set.of(), Map.of(), null);

    public boolean statusAccepted(int status) {
        return statuses.isEmpty() ? status >= 200 && status < 400 : statuses.contains(status);
    }

    /** The failure cause for an unaccepted status. */
    public String failureFor(int status) {
        String message = messages.get(status);
        return message != null ? message : "HTTP " + status;
    }
}
