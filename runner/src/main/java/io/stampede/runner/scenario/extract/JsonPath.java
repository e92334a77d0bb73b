package io.stampede.runner.scenario.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.json.TreeWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * A small JSONPath subset, enough to pick one value out of a response: {@code $} (the whole document),
 * {@code .field}, {@code ['field']} or {@code ["field"]}, {@code [index]} (negative counts from the end), nested
 * in any order, such as {@code $.data.items[0]['first-name']}. Wildcards, {@code ..} and filters are not
 * supported and are rejected when compiled. Immutable and thread safe.
 */
public final class JsonPath {

    private static final String SUBSET = "supported: $, .field, ['field'], [index]";

    private final String expression;
    private final List<Object> steps;

    private JsonPath(String expression, List<Object> steps) {
        this.expression = expression;
        this.steps = List.copyOf(steps);
    }

    /**
     * @throws IllegalArgumentException naming the position (1-based) and what is supported
     */
    public static JsonPath compile(String expression) {
        String text = expression.strip();
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath starts with '$', such as $.access_token; got '"
                    + expression + "'");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.' && i + 1 < text.length() && text.charAt(i + 1) == '.') {
                throw unsupported("'..' (deep scan)", i, text);
            } else if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String field = text.substring(i + 1, end);
                if (field.isEmpty() || field.equals("*")) {
                    throw unsupported(field.isEmpty() ? "an empty field name" : "'*'", i, text);
                }
                steps.add(field);
                i = end;
            } else if (c == '[') {
                int close = closingBracket(text, i);
                String inside = text.substring(i + 1, close).strip();
                steps.add(bracketStep(inside, i, text));
                i = close + 1;
            } else {
                throw unsupported("'" + c + "'", i, text);
            }
        }
        return new JsonPath(text, steps);
    }

    /** The value at this path: null when absent or JSON null; the node itself otherwise. */
    public JsonNode select(JsonNode document) {
        JsonNode current = document;
        for (Object step : steps) {
            if (current == null) {
                return null;
            }
            if (step instanceof String field) {
                current = current.isObject() ? current.get(field) : null;
            } else {
                int index = (Integer) step;
                int resolved = index < 0 ? current.size() + index : index;
                current = current.isArray() && resolved >= 0 ? current.get(resolved) : null;
            }
        }
        return current == null || current.isNull() || current.isMissingNode() ? null : current;
    }

    /** The value at this path as text: a scalar's text, the JSON text of an object or array, null when absent. */
    public String selectText(JsonNode document) {
        JsonNode value = select(document);
        if (value == null) {
            return null;
        }
        return value.isContainerNode() ? TreeWriter.compact(value) : value.asText();
    }

    @Override
    public String toString() {
        return expression;
    }

    private static int closingBracket(String text, int open) {
        char quote = 0;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ']') {
                return i;
            }
        }
        throw new IllegalArgumentException("'[' at position " + (open + 1) + " is not closed in '" + text + "'");
    }

    private static Object bracketStep(String inside, int position, String text) {
        if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                || inside.startsWith("\"") && inside.endsWith("\""))) {
            return inside.substring(1, inside.length() - 1);
        }
        if (inside.matches("-?\\d+")) {
            try {
                return Integer.parseInt(inside);
            } catch (NumberFormatException e) {
                throw unsupported("the index " + inside, position, text);
            }
        }
        throw unsupported("'[" + inside + "]'", position, text);
    }

    private static IllegalArgumentException unsupported(String what, int index, String text) {
        return new IllegalArgumentException("unsupported JSONPath " + what + " at position " + (index + 1)
                + " in '" + text + "'; " + SUBSET);
    }
}
