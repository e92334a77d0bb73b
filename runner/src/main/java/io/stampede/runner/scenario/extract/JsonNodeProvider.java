package io.stampede.runner.scenario.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.AbstractJsonProvider;
import io.stampede.runner.json.TreeReader;
import io.stampede.runner.json.TreeWriter;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Lets Jayway JsonPath walk Jackson trees as read by {@link TreeReader}. Jayway's own
 * {@code JacksonJsonNodeJsonProvider} builds an ObjectMapper when its class loads, which a run avoids
 * (docs/decisions.md, "JSON without an ObjectMapper in a run"); this one reads and builds trees with the node
 * factory only. Scalars are handed to Jayway unwrapped (String, Integer, Long, BigInteger, Double, BigDecimal,
 * Boolean, null for JSON null); objects and arrays stay trees. Stateless and thread safe.
 */
final class JsonNodeProvider extends AbstractJsonProvider {

    static final JsonNodeProvider INSTANCE = new JsonNodeProvider();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonNodeProvider() {
    }

    @Override
    public Object parse(String json) {
        try {
            return TreeReader.parse(json);
        } catch (IOException e) {
            throw new InvalidJsonException(e);
        }
    }

    @Override
    public Object parse(InputStream in, String charset) {
        try {
            return parse(new String(in.readAllBytes(), charset));
        } catch (IOException e) {
            throw new InvalidJsonException(e);
        }
    }

    @Override
    public String toJson(Object value) {
        return value instanceof JsonNode node ? TreeWriter.compact(node) : String.valueOf(value);
    }

    @Override
    public Object createArray() {
        return NODES.arrayNode();
    }

    @Override
    public Object createMap() {
        return NODES.objectNode();
    }

    @Override
    public boolean isArray(Object value) {
        return value instanceof ArrayNode || value instanceof List;
    }

    @Override
    public boolean isMap(Object value) {
        return value instanceof ObjectNode;
    }

    @Override
    public Object getArrayIndex(Object array, int index) {
        return array instanceof ArrayNode node ? unwrap(node.get(index)) : super.getArrayIndex(array, index);
    }

    @Override
    public void setArrayIndex(Object array, int index, Object value) {
        if (!(array instanceof ArrayNode node)) {
            super.setArrayIndex(array, index, value);
        } else if (index == node.size()) {
            node.add(toNode(value));
        } else {
            node.set(index, toNode(value));
        }
    }

    @Override
    public Object getMapValue(Object map, String key) {
        if (!(map instanceof ObjectNode node)) {
            return super.getMapValue(map, key);
        }
        return node.has(key) ? unwrap(node.get(key)) : UNDEFINED;
    }

    @Override
    public void setProperty(Object target, Object key, Object value) {
        if (target instanceof ObjectNode node) {
            node.set(String.valueOf(key), toNode(value));
        } else if (target instanceof ArrayNode node) {
            setArrayIndex(node, key instanceof Number n ? n.intValue() : Integer.parseInt(key.toString()), value);
        } else {
            super.setProperty(target, key, value);
        }
    }

    @Override
    public void removeProperty(Object target, Object key) {
        if (target instanceof ObjectNode node) {
            node.remove(String.valueOf(key));
        } else if (target instanceof ArrayNode node) {
            node.remove(key instanceof Number n ? n.intValue() : Integer.parseInt(key.toString()));
        } else {
            super.removeProperty(target, key);
        }
    }

    @Override
    public Collection<String> getPropertyKeys(Object map) {
        if (!(map instanceof ObjectNode node)) {
            return super.getPropertyKeys(map);
        }
        List<String> keys = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Override
    public int length(Object value) {
        if (value instanceof ArrayNode || value instanceof ObjectNode) {
            return ((JsonNode) value).size();
        }
        if (value instanceof String text) {
            return text.length();
        }
        return super.length(value);
    }

    @Override
    public Iterable<?> toIterable(Object value) {
        if (!(value instanceof JsonNode node) || !node.isContainerNode()) {
            return super.toIterable(value);
        }
        List<Object> elements = new ArrayList<>(node.size());
        node.elements().forEachRemaining(element -> elements.add(unwrap(element)));
        return elements;
    }

    @Override
    public Object unwrap(Object value) {
        if (!(value instanceof JsonNode node) || node.isContainerNode()) {
            return value;
        }
        if (node.isTextual()) return node.textValue();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isInt()) return node.intValue();
        if (node.isLong()) return node.longValue();
        if (node.isBigInteger()) return node.bigIntegerValue();
        if (node.isDouble() || node.isFloat()) return node.doubleValue();
        if (node.isBigDecimal()) return node.decimalValue();
        if (node.isNull() || node.isMissingNode()) return null;
        return node.asText();
    }

    /**
     * A value Jayway hands back (unwrapped as {@link #unwrap} does, or a tree) as a tree node, the way
     * {@link TreeWriter#toTree} builds one.
     */
    static JsonNode toNode(Object value) {
        try {
            return TreeWriter.toTree(value);
        } catch (IllegalArgumentException e) {
            throw new JsonPathException("cannot hold a " + value.getClass().getSimpleName() + " in a JSON tree");
        }
    }
}
