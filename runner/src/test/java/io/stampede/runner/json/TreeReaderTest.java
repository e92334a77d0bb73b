package io.stampede.runner.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TreeReader must read what ObjectMapper.readTree reads: the LoadTest binder relies on the node types. */
class TreeReaderTest {

    private static final String YAML_DOCUMENTS = """
            apiVersion: stampede.io/v1alpha1
            spec:
              users: 50
              big: 12345678901
              huge: 123456789012345678901234567890
              rate: 0.5
              negative: -3
              duration: 30s
              flags: [true, false, null, ~]
              empty: {}
              none: []
              quoted: "42"
              nested:
                - {name: a, weight: 2}
                - name: b
                  path: /items?page=${randomInt(1,5)}
            ---
            second: document
            ---
            """;

    @Test
    void parsesAResponseBodyAsObjectMapperReadsIt() throws Exception {
        String body = "{\"access_token\": \"tok\", \"expires_in\": 8, \"big\": 12345678901, \"ratio\": 0.25, "
                + "\"roles\": [\"a\", null, true], \"nested\": {}} trailing text is not read";

        assertThat(TreeReader.parse(body)).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body));
        assertThat(TreeReader.parse("   ")).isNull();
        assertThatThrownBy(() -> TreeReader.parse("<html>503</html>"))
                .isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
    }

    @Test
    void readsYamlDocumentsAsObjectMapperDoes() throws IOException {
        List<JsonNode> expected = new ArrayList<>();
        try (var values = new YAMLMapper().readerFor(JsonNode.class).readValues(YAML_DOCUMENTS)) {
            while (values.hasNextValue()) expected.add((JsonNode) values.nextValue());
        }

        List<JsonNode> read = readAll(new YAMLFactory(), YAML_DOCUMENTS);

        assertThat(read).hasSize(3).isEqualTo(expected);
        JsonNode spec = read.get(0).get("spec");
        assertThat(spec.get("users").isInt()).isTrue();
        assertThat(spec.get("big").isLong()).isTrue();
        assertThat(spec.get("huge").isBigInteger()).isTrue();
        assertThat(spec.get("rate").isDouble()).isTrue();
        assertThat(spec.get("quoted").isTextual()).isTrue();
        assertThat(read.get(2).isNull()).isTrue();
    }

    @Test
    void readsJsonAsObjectMapperDoes() throws IOException {
        String json = "{\"a\": [1, 2.5, \"x\", {\"b\": null}], \"c\": 9223372036854775807, \"d\": -1e3}";

        assertThat(readAll(new JsonFactory(), json)).containsExactly(new ObjectMapper().readTree(json));
    }

    @Test
    void endOfInputIsNull() throws IOException {
        assertThat(readAll(new YAMLFactory(), "")).isEmpty();
        assertThat(readAll(new JsonFactory(), "  ")).isEmpty();
    }

    @Test
    void duplicateKeysAreTheParsersToReject() {
        JsonFactory strict = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

        assertThatThrownBy(() -> readAll(strict, "{\"a\": 1, \"a\": 2}"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void truncatedInputIsAnError() {
        assertThatThrownBy(() -> readAll(new JsonFactory(), "{\"a\": [1, 2"))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> readAll(new JsonFactory(), "{\"a\": 1"))
                .isInstanceOf(JsonProcessingException.class);
    }

    private static List<JsonNode> readAll(JsonFactory factory, String text) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = factory.createParser(text)) {
            for (JsonNode node = TreeReader.next(parser); node != null; node = TreeReader.next(parser)) {
                documents.add(node);
            }
        }
        return documents;
    }
}
