package io.stampede.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.stampede.operator.testing.CrdPrinterColumns;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What kubectl users see of the shipped CRD (crds/): {@code kubectl explain loadtest.spec...} text on the spec's
 * fields, the short name and categories, and the columns of {@code kubectl get}.
 */
class CrdSchemaTest {

    private static final JsonNode CRD = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("../crds/loadtests.stampede.io-v1.yml").toFile());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void atLeastNineInTenSpecFieldsHaveAnExplanation() {
        List<String> fields = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        walk(CRD.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec"), "spec", fields, undescribed);

        assertThat(fields).hasSizeGreaterThan(50);
        assertThat(fields.size() - undescribed.size()).as("described of %d spec fields; without text: %s",
                fields.size(), undescribed).isGreaterThanOrEqualTo((int) Math.ceil(fields.size() * 0.9));
        assertThat(CRD.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/target/description")
                .asText()).contains("Base URL");
    }

    @Test
    void shortNameAndCategoriesAreStampedes() {
        JsonNode names = CRD.at("/spec/names");
        assertThat(names.path("shortNames")).extracting(JsonNode::asText).containsExactly("slt");
        assertThat(names.path("categories")).extracting(JsonNode::asText).containsExactly("stampede", "loadtests");
    }

    @Test
    void kubectlGetShowsColumnsInReadingOrderWithTheMessageInWideOutput() {
        JsonNode columns = CRD.at("/spec/versions/0/additionalPrinterColumns");

        assertThat(columns).extracting(c -> c.path("name").asText())
                .containsExactlyElementsOf(CrdPrinterColumns.READING_ORDER);
        assertThat(columns).extracting(c -> c.path("priority").asInt()).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(columns.get(3).path("jsonPath").asText()).isEqualTo(".status.progress.p95Ms");
        assertThat(columns.get(5).path("jsonPath").asText()).isEqualTo(".status.workers.connected");
        assertThat(columns.get(7).path("jsonPath").asText()).isEqualTo(".status.message");
    }

    private static void walk(JsonNode schema, String path, List<String> fields, List<String> undescribed) {
        schema.path("properties").fields().forEachRemaining(field -> {
            String fieldPath = path + "." + field.getKey();
            fields.add(fieldPath);
            if (field.getValue().path("description").asText().isBlank()) undescribed.add(fieldPath);
            walk(field.getValue(), fieldPath, fields, undescribed);
        });
        if (schema.has("items")) walk(schema.get("items"), path + "[]", fields, undescribed);
        if (schema.path("additionalProperties").isObject()) walk(schema.get("additionalProperties"), path + "{}", fields, undescribed);
    }
}
