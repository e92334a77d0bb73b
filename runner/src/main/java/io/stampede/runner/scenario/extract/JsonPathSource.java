package io.stampede.runner.scenario.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.scenario.Extraction;
import io.stampede.runner.scenario.ResponseView;

/**
 * Extracts a value from a JSON response body; a body that is not JSON yields null. The body is parsed once per
 * response ({@link ResponseView}) by the streaming {@code TreeReader}, so no ObjectMapper is built during a run
 * (the figures are in docs/decisions.md). Thread safe.
 */
public record JsonPathSource(JsonPath path) implements Extraction.ValueSource {

    @Override
    public String extract(ResponseView response) {
        JsonNode document = response.json();
        return document == null ? null : path.selectText(document);
    }

    @Override
    public String describe() {
        return "jsonPath " + path;
    }
}
