package io.stampede.runner.scenario.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.mapper.MappingProvider;
import com.jayway.jsonpath.TypeRef;
import io.stampede.runner.json.TreeWriter;

import java.util.EnumSet;

/**
 * One JSONPath, shared by {@code extract: {jsonPath: ...}} and {@code expect.json} checks: Jayway JsonPath's
 * language (fields, {@code ['name']}, indexes counting from the end when negative, {@code *}, {@code ..}, filters
 * such as {@code [?(@.price < 10)]}, functions such as {@code length()}), over Jackson trees. A path that can match
 * several values (wildcards, deep scan, filters) yields its first match, as Gatling's {@code jsonPath(...).find}
 * does. A JSON null counts as absent. Immutable and thread safe.
 */
public final class JsonPath {

    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(JsonNodeProvider.INSTANCE)
            .mappingProvider(new NoMapping())
            .options(EnumSet.noneOf(com.jayway.jsonpath.Option.class))
            .build();

    private final String expression;
    private final com.jayway.jsonpath.JsonPath compiled;

    private JsonPath(String expression, com.jayway.jsonpath.JsonPath compiled) {
        this.expression = expression;
        this.compiled = compiled;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the expression
     */
    public static JsonPath compile(String expression) {
        String text = expression.strip();
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath starts with '$', such as $.access_token; got '"
                    + expression + "'");
        }
        checkBrackets(text);
        try {
            return new JsonPath(text, com.jayway.jsonpath.JsonPath.compile(text));
        } catch (RuntimeException e) {
            // Jayway's InvalidPathException, and an index out of range for some cut-short paths such as "$["
            throw new IllegalArgumentException("invalid JSONPath '" + text + "': " + e.getMessage());
        }
    }

    /**
     * Rejects unbalanced brackets and parentheses outside quotes, which Jayway reads leniently ({@code $.items[}
     * as {@code $['items']}, {@code $.x]} as a field named {@code x]}), so a typo is not a check on something else.
     */
    private static void checkBrackets(String text) {
        StringBuilder open = new StringBuilder();
        int[] positions = new int[text.length()];
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                positions[open.length()] = i;
                open.append(c);
            } else if (c == ']' || c == ')') {
                char expected = c == ']' ? '[' : '(';
                if (open.isEmpty() || open.charAt(open.length() - 1) != expected) {
                    throw new IllegalArgumentException("invalid JSONPath '" + text + "': '" + c + "' at position "
                            + (i + 1) + " closes nothing");
                }
                open.setLength(open.length() - 1);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("invalid JSONPath '" + text + "': a quote (" + quote + ") is not closed");
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("invalid JSONPath '" + text + "': '" + open.charAt(open.length() - 1)
                    + "' at position " + (positions[open.length() - 1] + 1) + " is not closed");
        }
    }

    /**
     * The value at this path: a String, Boolean or Number for a scalar (a function's result such as
     * {@code length()} too), a JsonNode for an object or array; null when absent or JSON null.
     */
    public Object select(JsonNode document) {
        Object value;
        try {
            value = compiled.read(document, CONFIGURATION);
        } catch (JsonPathException e) {
            return null; // a missing field, an index past the end, a function on the wrong kind of value
        }
        if (!compiled.isDefinite() && value instanceof JsonNode matches && matches.isArray()) {
            value = matches.isEmpty() ? null : JsonNodeProvider.INSTANCE.unwrap(matches.get(0));
        }
        if (value instanceof JsonNode node && (node.isNull() || node.isMissingNode())) {
            return null;
        }
        return value instanceof JsonNode node && node.isValueNode() ? JsonNodeProvider.INSTANCE.unwrap(node) : value;
    }

    /** The value at this path as text: a scalar's text, the compact JSON of an object or array, null when absent. */
    public String selectText(JsonNode document) {
        return text(select(document));
    }

    /** A value from {@link #select} as text, as {@link #selectText} gives it. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return TreeWriter.compact(node);
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return expression;
    }

    /** Reading into Java types is never asked for: values stay trees and scalars. */
    private static final class NoMapping implements MappingProvider {
        @Override
        public <T> T map(Object source, Class<T> targetType, Configuration configuration) {
            throw new UnsupportedOperationException("no mapping to " + targetType);
        }

        @Override
        public <T> T map(Object source, TypeRef<T> targetType, Configuration configuration) {
            throw new UnsupportedOperationException("no mapping to " + targetType);
        }
    }
}
