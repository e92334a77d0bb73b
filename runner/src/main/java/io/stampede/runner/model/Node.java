package io.stampede.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.text.DidYouMean;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A position in the YAML tree being bound: the node (possibly absent), its field path, and where problems go.
 * Every typed read reports a wrong type at this path and returns null, so that binding goes on and finds every
 * problem. A YAML {@code null} counts as absent, as in Kubernetes.
 */
final class Node {

    private final JsonNode value;
    private final String path;
    private final Problems problems;

    Node(JsonNode value, String path, Problems problems) {
        this.value = value == null || value.isMissingNode() || value.isNull() ? null : value;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    JsonNode json() {
        return value;
    }

    boolean present() {
        return value != null;
    }

    void problem(String message) {
        problems.add(path, message);
    }

    Problems problems() {
        return problems;
    }

    Node field(String name) {
        JsonNode child = value != null && value.isObject() ? value.get(name) : null;
        return new Node(child, path.isEmpty() ? name : path + "." + name, problems);
    }

    boolean has(String name) {
        return field(name).present();
    }

    /** True when present and a map; reports a wrong type otherwise (absent is not reported). */
    boolean isMap() {
        return expect(value == null || value.isObject(), "a map (key: value)");
    }

    /**
     * Checks that this is a map whose keys are all allowed or ignored; reports each unknown key at its own path,
     * naming the allowed ones.
     *
     * @return false when this is absent or not a map
     */
    boolean checkFields(Collection<String> allowed, Collection<String> ignored) {
        if (value == null || !isMap()) {
            return false;
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name) && !ignored.contains(name)) {
                field(name).problem("unknown field '" + name + "'" + DidYouMean.hint(name, allowed)
                        + "; allowed fields: " + String.join(", ", allowed));
            }
        }
        return true;
    }

    boolean checkFields(Collection<String> allowed) {
        return checkFields(allowed, List.of());
    }

    /**
     * Reports this field as missing when absent, unless a misspelling of it was reported already (one mistake, one
     * problem); returns whether it is present.
     */
    boolean required(String hint) {
        if (value == null) {
            if (!problems.suggested(path)) problem("is required" + (hint.isEmpty() ? "" : ": " + hint));
            return false;
        }
        return true;
    }

    /** A string, or null (absent or wrong type, reported). */
    String string() {
        return value != null && expect(value.isTextual(), "a string") ? value.textValue() : null;
    }

    /** A string, number or boolean as text (header values, variable values), or null. */
    String scalarText() {
        return value != null && expect(value.isValueNode(), "a text value") ? value.asText() : null;
    }

    /** An integer in the int range, or null. */
    Integer integer() {
        if (value == null) {
            return null;
        }
        boolean ok = value.isIntegralNumber() && value.canConvertToInt();
        return expect(ok, "an integer") ? value.intValue() : null;
    }

    /** A boolean (true or false, not the text "true"), or null. */
    Boolean bool() {
        return value != null && expect(value.isBoolean(), "true or false") ? value.booleanValue() : null;
    }

    /** A number, or null. */
    Double number() {
        return value != null && expect(value.isNumber(), "a number") ? value.doubleValue() : null;
    }

    /** A duration such as {@code 30s}, or null; a bare number is reported as missing its unit. */
    Duration duration() {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            problem(Durations.EXPECTED + ", got the number " + value.asText() + " without a unit");
            return null;
        }
        if (!expect(value.isTextual(), "a duration such as 30s")) {
            return null;
        }
        try {
            return Durations.parse(value.textValue());
        } catch (IllegalArgumentException e) {
            problem(e.getMessage());
            return null;
        }
    }

    /** The elements of a list, or an empty list (absent or wrong type, reported). */
    List<Node> list() {
        if (value == null || !expect(value.isArray(), "a list")) {
            return List.of();
        }
        List<Node> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            elements.add(new Node(value.get(i), path + "[" + i + "]", problems));
        }
        return elements;
    }

    /** The entries of a map in document order, or an empty map (absent or wrong type, reported). */
    Map<String, Node> entries() {
        Map<String, Node> entries = new LinkedHashMap<>();
        if (value == null || !isMap()) {
            return entries;
        }
        value.properties().forEach(e -> entries.put(e.getKey(),
                new Node(e.getValue(), FieldNames.child(path, e.getKey()), problems)));
        return entries;
    }

    /** True when present and an empty list. */
    boolean isEmptyList() {
        return value != null && value.isArray() && value.isEmpty();
    }

    /** A list of strings; wrong elements are reported and left out. */
    List<String> stringList() {
        List<String> strings = new ArrayList<>();
        for (Node element : list()) {
            String text = element.string();
            if (text != null) {
                strings.add(text);
            }
        }
        return strings;
    }

    private boolean expect(boolean condition, String expected) {
        if (!condition) {
            problem("expected " + expected + ", got " + describe(value));
        }
        return condition;
    }

    static String describe(JsonNode node) {
        if (node.isObject()) return "a map";
        if (node.isArray()) return "a list";
        if (node.isTextual()) return "the string '" + node.textValue() + "'";
        if (node.isBoolean()) return "the boolean " + node.asText();
        if (node.isIntegralNumber()) return "the integer " + node.asText();
        if (node.isNumber()) return "the number " + node.asText();
        return node.getNodeType().toString().toLowerCase();
    }
}
