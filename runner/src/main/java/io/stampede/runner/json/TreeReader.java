package io.stampede.runner.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads documents from a streaming parser (JSON, or YAML through jackson-dataformat-yaml) into Jackson's tree
 * nodes, the nodes {@code ObjectMapper.readTree} makes: integers as int, long or BigInteger nodes by size,
 * other numbers as double nodes (float and BigDecimal when the parser reports them so), YAML binary as binary
 * nodes. Without an ObjectMapper, whose first instance is a measurable part of a run's start-up (its class
 * initialisation loads locale and calendar data; figures in docs/decisions.md): the LoadTest file, response
 * bodies and the JSON documents all go through here. Duplicate keys are the parser's to check (its factory's
 * features).
 *
 * <p>YAML anchors and aliases are resolved as Kubernetes resolves them when the same file is applied with kubectl:
 * {@code *name} stands for a copy of the value anchored {@code &name} earlier in the document. Merge keys
 * ({@code <<: *name}) are refused, as is an alias to an anchor not yet defined. Limits, each an
 * {@link JsonParseException} naming it and the line: {@link #MAX_DEPTH} nested maps and lists, text values and keys
 * of at most {@code maxTextLength} characters, and at most {@link #MAX_ALIAS_NODES} values copied by aliases (a
 * "billion laughs" document would otherwise expand without end).
 *
 * <p>Thread safe: stateless; each call keeps its own anchors.
 */
public final class TreeReader {

    /** Maps and lists nested deeper than this are refused (a LoadTest needs some 10). */
    public static final int MAX_DEPTH = 200;
    /** Values that aliases may copy into one document, in total. */
    public static final int MAX_ALIAS_NODES = 100_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonParser parser;
    private final int maxTextLength;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private int aliasNodes;

    private TreeReader(JsonParser parser, int maxTextLength) {
        this.parser = parser;
        this.maxTextLength = maxTextLength;
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

    /** The next document's root, or null when the input has no more documents; text of any length. */
    public static JsonNode next(JsonParser parser) throws IOException {
        return next(parser, Integer.MAX_VALUE);
    }

    /**
     * The next document's root, or null when the input has no more documents.
     *
     * @param maxTextLength the longest text value or key accepted, in chars
     */
    public static JsonNode next(JsonParser parser, int maxTextLength) throws IOException {
        JsonToken token = parser.nextToken();
        return token == null ? null : new TreeReader(parser, maxTextLength).value(token, 0);
    }

    /** The value that starts at {@code token}, anchored if it has an anchor; leaves the parser on its last token. */
    private JsonNode value(JsonToken token, int depth) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            return alias(parser.getText());
        }
        String anchor = parser instanceof YAMLParser yaml ? yaml.getObjectId() : null;
        JsonNode node = unanchored(token, depth);
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private JsonNode alias(String anchor) throws IOException {
        JsonNode target = anchors.get(anchor);
        if (target == null) {
            throw new JsonParseException(parser, "the alias *" + anchor + " names no anchor &" + anchor
                    + " before it in the document");
        }
        aliasNodes += count(target);
        if (aliasNodes > MAX_ALIAS_NODES) {
            throw new JsonParseException(parser, "aliases copy more than " + MAX_ALIAS_NODES
                    + " values into the document (the limit); write the values out, or use fewer aliases");
        }
        return target.deepCopy();
    }

    private static int count(JsonNode node) {
        int count = 1;
        for (JsonNode child : node) {
            count += count(child);
        }
        return count;
    }

    private JsonNode unanchored(JsonToken token, int depth) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                checkDepth(depth);
                ObjectNode object = NODES.objectNode();
                JsonToken t = parser.nextToken();
                for (; t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                    String name = text(parser.currentName());
                    JsonToken valueToken = parser.nextToken();
                    if (name.equals("<<") && parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                        throw new JsonParseException(parser, "YAML merge keys (<<: *" + parser.getText()
                                + ") are not supported; write the fields out, or use the alias as a whole value");
                    }
                    object.set(name, value(valueToken, depth + 1));
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new JsonParseException(parser, "unexpected " + t + " in an object");
                }
                return object;
            }
            case START_ARRAY -> {
                checkDepth(depth);
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t == null) throw new JsonParseException(parser, "unexpected end of input in an array");
                    array.add(value(t, depth + 1));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(text(parser.getText()));
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

    private void checkDepth(int depth) throws JsonParseException {
        if (depth >= MAX_DEPTH) {
            throw new JsonParseException(parser, "maps and lists are nested more than " + MAX_DEPTH
                    + " deep (the limit)");
        }
    }

    private String text(String text) throws JsonParseException {
        if (text.length() > maxTextLength) {
            throw new JsonParseException(parser, "a text of " + text.length() + " characters; the limit is "
                    + maxTextLength + " characters per value");
        }
        return text;
    }
}
