package io.stampede.runner.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the {@link TargetServer} answers one route: after a delay drawn from {@code latency}, either a response
 * with {@code status}, {@code headers} and {@code body}, or (with {@code reset}) an abrupt close of the
 * connection without any response. Immutable; build with the factories and withers:
 * {@code Behaviour.status(503).withBody("down").withLatency(Latency.fixed(ofMillis(20)))}.
 */
public record Behaviour(int status, String body, Map<String, String> headers, Latency latency, boolean reset) {

    public Behaviour {
        headers = Map.copyOf(headers);
    }

    /** 200 "ok" at once: the default route. */
    public static Behaviour ok() {
        return status(200).withBody("ok");
    }

    /** The given status with an empty body, at once. */
    public static Behaviour status(int status) {
        return new Behaviour(status, "", Map.of(), Latency.none(), false);
    }

    /** The given status with a JSON body and its content type. */
    public static Behaviour json(int status, String json) {
        return status(status).withBody(json).withHeader("Content-Type", "application/json");
    }

    /** Closes the connection abruptly (TCP reset) instead of answering. */
    public static Behaviour resetConnection() {
        return new Behaviour(0, "", Map.of(), Latency.none(), true);
    }

    public Behaviour withBody(String body) {
        return new Behaviour(status, body, headers, latency, reset);
    }

    public Behaviour withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Behaviour(status, body, more, latency, reset);
    }

    public Behaviour withLatency(Latency latency) {
        return new Behaviour(status, body, headers, latency, reset);
    }

    public Behaviour withDelay(Duration delay) {
        return withLatency(Latency.fixed(delay));
    }
}
