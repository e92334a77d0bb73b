package io.stampede.runner.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.runner.json.TreeWriter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads the fields of a document's JSON object for its record, with errors that name the field's path
 * ({@code workers.list[2].users: expected a whole number, got "x"}). A required field that is absent or of the
 * wrong type is an error; an {@code optional...} field that is absent or JSON null reads as null (lists: empty).
 * Numbers written as "NaN" or "Infinity" (what Jackson's generator writes for them) read back as those doubles.
 * Pure and thread safe.
 */
public final class Fields {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode node;
    private final String path;

    private Fields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The fields of {@code node}, which must be an object; {@code path} names it in errors ("" for a root). */
    public static Fields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new DocumentException((path.isEmpty() ? "the document" : path) + ": expected an object, got "
                    + describe(node));
        }
        return new Fields(node, path);
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static <T> ArrayNode array(List<T> items, Function<T, JsonNode> write) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(write.apply(item)));
        return array;
    }

    public String text(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) throw wrong(name, "text", value);
        return value.textValue();
    }

    public String optionalText(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) return null;
        if (!value.isTextual()) throw wrong(name, "text", value);
        return value.textValue();
    }

    public Instant optionalInstant(String name) {
        String text = optionalText(name);
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new DocumentException(at(name) + ": expected an ISO-8601 instant such as 2026-11-22T03:54:02.583Z, "
                    + "got \"" + text + "\"");
        }
    }

    public Instant instant(String name) {
        Instant value = optionalInstant(name);
        if (value == null) throw wrong(name, "an ISO-8601 instant", node.get(name));
        return value;
    }

    public long whole(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrong(name, "a whole number", value);
        }
        return value.longValue();
    }

    public int count(String name) {
        long value = whole(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) throw wrong(name, "a 32-bit whole number", node.get(name));
        return (int) value;
    }

    public double number(String name) {
        JsonNode value = node.get(name);
        if (value != null && value.isNumber()) return value.doubleValue();
        if (value != null && value.isTextual()) {
            switch (value.textValue()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw wrong(name, "a number", value);
    }

    /** A number as written: a Long for a whole number, a Double otherwise; null when absent or null. */
    public Number optionalNumber(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) return null;
        if (value.isIntegralNumber() && value.canConvertToLong()) return value.longValue();
        return number(name);
    }

    public boolean flag(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isBoolean()) throw wrong(name, "true or false", value);
        return value.booleanValue();
    }

    public Fields object(String name) {
        return of(node.get(name), at(name));
    }

    /** An object that may be absent or null (then null). */
    public Fields optionalObject(String name) {
        return absent(node.get(name)) ? null : object(name);
    }

    /** A number that may be absent or null (then null). */
    public Double optionalDouble(String name) {
        return absent(node.get(name)) ? null : number(name);
    }

    /** A required array of texts. */
    public List<String> texts(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray()) throw wrong(name, "an array", value);
        List<String> texts = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) throw wrong(name + "[" + i + "]", "text", value.get(i));
            texts.add(value.get(i).textValue());
        }
        return List.copyOf(texts);
    }

    /** The path of a field of this object, for errors: {@code capacity.steps[0].result}. */
    public String path(String name) {
        return at(name);
    }

    /** A required array, each item read by {@code read(item's fields)}. */
    public <T> List<T> list(String name, Function<Fields, T> read) {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray()) throw wrong(name, "an array", value);
        List<T> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) items.add(read.apply(of(value.get(i), at(name) + "[" + i + "]")));
        return List.copyOf(items);
    }

    /** An optional array: absent or null reads as an empty list. */
    public <T> List<T> optionalList(String name, Function<Fields, T> read) {
        return absent(node.get(name)) ? List.of() : list(name, read);
    }

    /** Each field this record does not know, in order, as (name, value). */
    public void others(Set<String> known, BiConsumer<String, JsonNode> each) {
        node.properties().forEach(field -> {
            if (!known.contains(field.getKey())) each.accept(field.getKey(), field.getValue());
        });
    }

    private String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private DocumentException wrong(String name, String expected, JsonNode value) {
        return new DocumentException(at(name) + ": expected " + expected + ", got " + describe(value));
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) return "nothing";
        String text = value.isContainerNode() ? (value.isObject() ? "an object" : "an array") : TreeWriter.compact(value);
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
