package io.stampede.runner.scenario.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.scenario.Extraction;

import java.util.function.Function;

/** Extracts a value from a JSON response body; a body that is not JSON yields null. Thread safe. */
public record JsonPathSource(JsonPath path) implements Extraction.ValueSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String extract(String body, Function<String, String> headers) {
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
        return document == null ? null : path.selectText(document);
    }

    @Override
    public String describe() {
        return "jsonPath " + path;
    }
}
