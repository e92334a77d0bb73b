package io.stampede.runner.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Jackson trees as indented JSON, character for character what an ObjectMapper with {@code INDENT_OUTPUT}
 * writes, and plain values (maps, lists, strings, numbers, booleans, null) as trees; without an ObjectMapper,
 * for the reason {@link TreeReader} gives.
 *
 * <p>Thread safe: stateless.
 */
public final class TreeWriter {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TreeWriter() {
    }

    /** The tree as JSON indented by two spaces, {@code "name" : value} per line, no final line break. */
    public static String indented(JsonNode tree) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            generator.setPrettyPrinter(new DefaultPrettyPrinter());
            write(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory failed", e);
        }
        return text.toString();
    }

    /**
     * The tree as compact JSON on one line, character for character what {@code JsonNode.toString()} writes
     * (which builds an ObjectMapper).
     */
    public static String compact(JsonNode tree) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            write(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory failed", e);
        }
        return text.toString();
    }

    /**
     * A plain value as a tree: a {@link Map} (keys as text, in its order) as an object, an {@link Iterable} as an
     * array, strings, numbers and booleans as themselves, null as null, a tree as itself.
     *
     * @throws IllegalArgumentException for any other type
     */
    public static JsonNode toTree(Object value) {
        if (value == null) return NODES.nullNode();
        if (value instanceof JsonNode node) return node;
        if (value instanceof String text) return NODES.textNode(text);
        if (value instanceof Boolean flag) return NODES.booleanNode(flag);
        if (value instanceof Integer n) return NODES.numberNode(n);
        if (value instanceof Long n) return NODES.numberNode(n);
        if (value instanceof Double n) return NODES.numberNode(n);
        if (value instanceof Float n) return NODES.numberNode(n);
        if (value instanceof Short n) return NODES.numberNode(n.intValue()); // as ObjectMapper: an int node
        if (value instanceof BigInteger n) return NODES.numberNode(n);
        if (value instanceof BigDecimal n) return NODES.numberNode(n);
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, child) -> object.set(String.valueOf(key), toTree(child)));
            return object;
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(toTree(item)));
            return array;
        }
        throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName());
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode item : node) write(generator, item);
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL, MISSING -> generator.writeNull();
            case NUMBER -> writeNumber(generator, node);
            case BINARY -> generator.writeBinary(node.binaryValue());
            default -> throw new IllegalArgumentException("no JSON form for a " + node.getNodeType() + " node");
        }
    }

    private static void writeNumber(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.numberType()) {
            case INT -> generator.writeNumber(node.intValue());
            case LONG -> generator.writeNumber(node.longValue());
            case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
            case FLOAT -> generator.writeNumber(node.floatValue());
            case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
            default -> generator.writeNumber(node.doubleValue());
        }
    }
}
