package io.stampede.runner.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Reads documents from a streaming parser (JSON, or YAML through jackson-dataformat-yaml) into Jackson's tree
 * nodes, the nodes {@code ObjectMapper.readTree} makes: integers as int, long or BigInteger nodes by size,
 * other numbers as double nodes (float and BigDecimal when the parser reports them so), YAML binary as binary
 * nodes. Without an ObjectMapper, whose first instance is a measurable part of a run's start-up (its class
 * initialisation loads locale and calendar data; figures in docs/decisions.md): the LoadTest file, response
 * bodies and the JSON documents all go through here. Duplicate keys and nesting limits are the parser's to check
 * (its factory's features).
 *
 * <p>Thread safe: stateless.
 */
public final class TreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory JSON = new JsonFactory();

    private TreeReader() {
    }

    /**
     * The first JSON value in {@code text}, as {@code ObjectMapper.readTree} reads it (what follows that value is
     * not read); null when the text holds no value.
     *
     * @throws JsonParseException when the text is not JSON
     */
    public static JsonNode parse(String text) throws IOException {
        try (JsonParser parser = JSON.createParser(text)) {
            return next(parser);
        }
    }

    /** The next document's root, or null when the input has no more documents. */
    public static JsonNode next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        return token == null ? null : value(parser, token);
    }

    /** The value that starts at {@code token}; leaves the parser on its last token. */
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                JsonToken t = parser.nextToken();
                for (; t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new JsonParseException(parser, "unexpected " + t + " in an object");
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t == null) throw new JsonParseException(parser, "unexpected end of input in an array");
                    array.add(value(parser, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return switch (parser.getNumberType()) {
                    case BIG_DECIMAL -> NODES.numberNode(parser.getDecimalValue());
                    case FLOAT -> NODES.numberNode(parser.getFloatValue());
                    default -> NODES.numberNode(parser.getDoubleValue());
                };
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            case VALUE_EMBEDDED_OBJECT -> {
                Object embedded = parser.getEmbeddedObject();
                return embedded instanceof byte[] bytes ? NODES.binaryNode(bytes) : NODES.pojoNode(embedded);
            }
            default -> throw new JsonParseException(parser, "unexpected " + token + " where a value belongs");
        }
    }
}
