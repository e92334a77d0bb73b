package io.stampede.runner.model.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code expect} as written.
 *
 * @param status       accepted statuses (100..599); empty means any 2xx or 3xx
 * @param messages     failure message by status
 * @param bodyContains text the body must contain, or null
 * @param json         JSONPath to its condition as written (a scalar: a value, or text such as {@code "> 0"}),
 *                     in document order; both are checked by the compiler
 * @param headers      header name to the value or glob it must have, in document order
 * @param maxLatency   a slower response is a failure, or null for no limit
 * @param checks       plugin checks ({@code checks: [{plugin: NAME, with: {...}}]}), in the order written
 */
public record ExpectSpec(List<Integer> status, Map<Integer, String> messages, String bodyContains,
                         Map<String, JsonNode> json, Map<String, String> headers, Duration maxLatency,
                         List<PluginUseSpec> checks) {

    public ExpectSpec {
        status = Immutables.list(status);
        messages = Immutables.orderedMap(messages);
        json = Immutables.orderedMap(json);
        headers = Immutables.orderedMap(headers);
        checks = Immutables.list(checks);
    }

    /** Without plugin checks. */
    public ExpectSpec(List<Integer> status, Map<Integer, String> messages, String bodyContains,
                      Map<String, JsonNode> json, Map<String, String> headers, Duration maxLatency) {
        this(status, messages, bodyContains, json, headers, maxLatency, List.of());
    }

    /** Status, messages and body text only. */
    public ExpectSpec(List<Integer> status, Map<Integer, String> messages, String bodyContains) {
        this(status, messages, bodyContains, Map.of(), Map.of(), null);
    }
}
