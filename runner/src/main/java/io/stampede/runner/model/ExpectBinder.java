package io.stampede.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.stampede.runner.model.spec.ExpectSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds a step's {@code expect}: statuses, messages, body text, {@code json} and {@code headers} checks and
 * {@code maxLatency}. The JSONPaths and conditions of {@code json} are kept as written and checked by the
 * compiler, which reports them at the same field paths.
 */
final class ExpectBinder {

    static final List<String> EXPECT_FIELDS =
            List.of("status", "messages", "bodyContains", "json", "headers", "maxLatency", "checks");

    private ExpectBinder() {
    }

    /** @return null when absent (or not a map, reported) */
    static ExpectSpec expect(Node expect) {
        if (!expect.checkFields(EXPECT_FIELDS)) {
            return null;
        }
        Node statusNode = expect.field("status");
        List<Integer> statuses = new ArrayList<>();
        if (statusNode.present() && statusNode.json().isIntegralNumber()) {
            addStatus(statusNode, statuses);
        } else {
            statusNode.list().forEach(element -> addStatus(element, statuses));
        }
        Map<Integer, String> messages = new LinkedHashMap<>();
        expect.field("messages").entries().forEach((key, value) -> {
            Integer status = statusKey(key);
            if (status == null) {
                value.problem("expected a status code 100..599 as the key, got '" + key + "'");
            }
            String message = value.string();
            if (status != null && message != null) {
                messages.put(status, message);
            }
        });
        Node bodyContains = expect.field("bodyContains");
        String text = bodyContains.string();
        if (text != null && text.isEmpty()) {
            bodyContains.problem("expected the text the body must contain, got an empty text");
        }
        Duration maxLatency = LoadBinder.positive(expect.field("maxLatency"));
        return new ExpectSpec(statuses, messages, text, json(expect.field("json")), headers(expect.field("headers")),
                maxLatency, PluginUseBinder.uses(expect.field("checks"), "{plugin: maxItems, with: {max: \"50\"}}"));
    }

    /** JSONPath to condition, as written: a null condition is kept (as JSON null) for the compiler to report. */
    private static Map<String, JsonNode> json(Node node) {
        Map<String, JsonNode> checks = new LinkedHashMap<>();
        if (node.present() && node.json().isObject() && node.json().isEmpty()) {
            node.problem("expected at least one check such as {\"$.status\": ok}, got an empty map");
        }
        node.entries().forEach((path, condition) ->
                checks.put(path, condition.present() ? condition.json() : NullNode.getInstance()));
        return checks;
    }

    /** Header name to the exact value or glob; names are HTTP tokens, unique ignoring case. */
    private static Map<String, String> headers(Node node) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        node.entries().forEach((name, value) -> {
            if (!FieldNames.isHeaderName(name)) {
                value.problem("'" + name + "' is not a valid header name (letters, digits and -, no spaces or ':')");
                return;
            }
            String earlier = seen.put(name.toLowerCase(Locale.ROOT), name);
            if (earlier != null) {
                value.problem("header " + name + " is checked twice (as " + earlier + " and " + name
                        + "; names ignore case)");
            }
            if (!value.required("the value the header must have, exact or a glob such as application/json*")) {
                return;
            }
            String text = value.scalarText();
            if (text != null) {
                headers.put(name, text);
            }
        });
        return headers;
    }

    private static void addStatus(Node node, List<Integer> statuses) {
        Integer status = node.integer();
        if (status != null && (status < 100 || status > 599)) {
            node.problem("expected a status code 100..599, got " + status);
        } else if (status != null) {
            statuses.add(status);
        }
    }

    private static Integer statusKey(String key) {
        if (!key.matches("[1-5]\\d\\d")) {
            return null;
        }
        return Integer.parseInt(key);
    }
}
