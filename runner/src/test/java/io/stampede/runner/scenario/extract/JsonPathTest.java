package io.stampede.runner.scenario.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathTest {

    private static final String BODY = """
            {"access_token": "tok", "user": {"id": 42, "first-name": "Ada", "admin": false},
             "items": [{"sku": "a"}, {"sku": "b"}], "empty": null}""";

    private final JsonNode document = read(BODY);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$.access_token          | tok",
            "$.user.id               | 42",
            "$.user['first-name']    | Ada",
            "$['user'][\"admin\"]    | false",
            "$.items[1].sku          | b",
            "$.items[-1].sku         | b",
            "$.items[0]              | {\"sku\":\"a\"}",
            "$                       | " + "{\"access_token\":\"tok\",\"user\":{\"id\":42,\"first-name\":\"Ada\",\"admin\":false},\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}],\"empty\":null}"})
    void selectsScalarsAsTextAndContainersAsJson(String path, String expected) {
        assertThat(JsonPath.compile(path).selectText(document)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"$.missing", "$.items[5].sku", "$.empty", "$.access_token.deeper", "$.user[0]"})
    void absentValuesAreNull(String path) {
        assertThat(JsonPath.compile(path).selectText(document)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "access_token     | starts with '$'",
            "$..id            | '..' (deep scan)",
            "$.items[*]       | '[*]'",
            "$.items[?(@.a)]  | unsupported JSONPath",
            "$.items[0        | is not closed",
            "$.               | an empty field name"})
    void rejectsWhatTheSubsetDoesNotSupport(String path, String fragment) {
        assertThatThrownBy(() -> JsonPath.compile(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fragment);
    }

    @Test
    void sourcesReadBodiesAndHeaders() {
        JsonPathSource json = new JsonPathSource(JsonPath.compile("$.access_token"));
        assertThat(json.extract(BODY, name -> null)).isEqualTo("tok");
        assertThat(json.extract("<html>not json", name -> null)).isNull();
        assertThat(json.describe()).isEqualTo("jsonPath $.access_token");
        HeaderSource header = new HeaderSource("X-Request-Id");
        assertThat(header.extract("", Map.of("x-request-id", "r-1")::get)).isEqualTo("r-1");
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
