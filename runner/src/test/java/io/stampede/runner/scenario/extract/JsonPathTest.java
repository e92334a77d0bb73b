package io.stampede.runner.scenario.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.json.TreeReader;
import io.stampede.runner.scenario.ResponseView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSONPath that extract and expect.json share (Jayway's language over Jackson trees). */
class JsonPathTest {

    private static final String BODY = """
            {"access_token": "tok", "user": {"id": 42, "first-name": "Ada", "admin": false, "score": 1.5},
             "items": [{"sku": "a", "price": 5}, {"sku": "b", "price": 15}], "empty": null}""";

    private final JsonNode document = read(BODY);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$.access_token                  | tok",
            "$.user.id                       | 42",
            "$.user.score                    | 1.5",
            "$.user['first-name']            | Ada",
            "$['user'][\"admin\"]            | false",
            "$.items[1].sku                  | b",
            "$.items[-1].sku                 | b",
            "$.items[0]                      | {\"sku\":\"a\",\"price\":5}",
            "$.items.length()                | 2",
            "$.items[*].sku                  | a",
            "$..sku                          | a",
            "$.items[?(@.price > 10)].sku    | b",
            "$                               | " + "{\"access_token\":\"tok\",\"user\":{\"id\":42,\"first-name\":\"Ada\",\"admin\":false,\"score\":1.5},\"items\":[{\"sku\":\"a\",\"price\":5},{\"sku\":\"b\",\"price\":15}],\"empty\":null}"})
    void selectsScalarsAsTextContainersAsJsonAndTheFirstOfSeveralMatches(String path, String expected) {
        assertThat(JsonPath.compile(path).selectText(document)).isEqualTo(expected);
    }

    @Test
    void selectsTypedValuesForChecks() {
        assertThat(JsonPath.compile("$.user.id").select(document)).isEqualTo(42);
        assertThat(JsonPath.compile("$.user.admin").select(document)).isEqualTo(false);
        assertThat(JsonPath.compile("$.items.length()").select(document)).isEqualTo(2);
        assertThat(JsonPath.compile("$.items").select(document)).isInstanceOf(JsonNode.class);
    }

    @ParameterizedTest
    @CsvSource({"$.missing", "$.items[5].sku", "$.empty", "$.access_token.deeper", "$.user[0]",
            "$.items[?(@.price > 100)].sku", "$..nothing"})
    void absentValuesAreNull(String path) {
        assertThat(JsonPath.compile(path).selectText(document)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "access_token     | starts with '$'",
            "$.items[0        | invalid JSONPath '$.items[0'",
            "$.items[         | '[' at position 8 is not closed",
            "$[               | is not closed",
            "$.x]             | ']' at position 4 closes nothing",
            "$.items.length(  | '(' at position 15 is not closed",
            "$.               | invalid JSONPath",
            "$.items[?(@.a    | invalid JSONPath"})
    void rejectsWhatIsNotAJsonPath(String path, String fragment) {
        assertThatThrownBy(() -> JsonPath.compile(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fragment);
    }

    @Test
    void sourcesReadBodiesAndHeaders() {
        JsonPathSource json = new JsonPathSource(JsonPath.compile("$.access_token"));
        assertThat(json.extract(new ResponseView(BODY, name -> null))).isEqualTo("tok");
        assertThat(json.extract(new ResponseView("<html>not json", name -> null))).isNull();
        assertThat(json.describe()).isEqualTo("jsonPath $.access_token");
        HeaderSource header = new HeaderSource("X-Request-Id");
        assertThat(header.extract(new ResponseView("", Map.of("x-request-id", "r-1")::get))).isEqualTo("r-1");
    }

    private static JsonNode read(String json) {
        try {
            return TreeReader.parse(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
