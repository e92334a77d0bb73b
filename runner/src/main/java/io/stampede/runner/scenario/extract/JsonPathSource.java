package io.stampede.runner.scenario.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.json.TreeReader;
import io.stampede.runner.scenario.Extraction;

import java.io.IOException;
import java.util.function.Function;

/**
 * Extracts a value from a JSON response body; a body that is not JSON yields null. Bodies are read by the
 * streaming {@link TreeReader}, like the LoadTest file, so no ObjectMapper is built during a run (the figures are
 * in docs/decisions.md). Thread safe.
 */
public record JsonPathSource(JsonPath path) implements Extraction.ValueSource {

    @Override
    public String extract(String body, Function<String, String> headers) {
        JsonNode document;
        try {
            document = TreeReader.parse(body);
        } catch (IOException e) {
            return null;
        }
        return document == null ? null : path.selectText(document);
    }

    @Override
    public String describe() {
        return "jsonPath " + path;
    }
}
