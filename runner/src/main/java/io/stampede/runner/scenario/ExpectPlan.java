package io.stampede.runner.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a response is judged (Locust's catch_response, k6's check, Gatling's check): a failure is a status outside
 * {@code statuses} (empty = any 2xx or 3xx), a failed body or content check, or a response slower than
 * {@code maxLatencyMicros}.
 *
 * @param statuses         accepted status codes; empty means 200..399
 * @param messages         failure message to report for a given status instead of the default {@code HTTP 409}
 * @param bodyContains     text the body must contain, or null for no check
 * @param checks           {@code json} and {@code headers} checks, in the order written
 * @param maxLatencyMicros a slower response is a failure ("slow"); 0 for no limit
 */
public record ExpectPlan(Set<Integer> statuses, Map<Integer, String> messages, String bodyContains,
                         List<ResponseCheck> checks, long maxLatencyMicros) {

    public static final ExpectPlan DEFAULT = new ExpectPlan(Set.of(), Map.of(), null);

    public ExpectPlan {
        checks = List.copyOf(checks);
    }

    /** Without content checks or a latency limit. */
    public ExpectPlan(Set<Integer> statuses, Map<Integer, String> messages, String bodyContains) {
        this(statuses, messages, bodyContains, List.of(), 0);
    }

    public boolean statusAccepted(int status) {
        return statuses.isEmpty() ? status >= 200 && status < 400 : statuses.contains(status);
    }

    /** The failure cause for an unaccepted status. */
    public String failureFor(int status) {
        String message = messages.get(status);
        return message != null ? message : "HTTP " + status;
    }

    /** Whether a response this slow (in µs) breaches {@code maxLatency}. */
    public boolean tooSlow(long latencyMicros) {
        return maxLatencyMicros > 0 && latencyMicros > maxLatencyMicros;
    }

    /**
     * The cause of a {@link #tooSlow} response, such as {@code slow: > 800 ms}. Stable over a run (the latency
     * itself is in the row's histogram), like every failure cause.
     */
    public String slowCause() {
        long micros = maxLatencyMicros;
        return micros % 1000 == 0 ? "slow: > " + micros / 1000 + " ms" : "slow: > " + micros / 1000.0 + " ms";
    }

    /** Whether judging needs the response's body or headers. */
    public boolean readsResponse() {
        return bodyContains != null || !checks.isEmpty();
    }
}
