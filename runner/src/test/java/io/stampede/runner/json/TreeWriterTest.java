package io.stampede.runner.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TreeWriter must write what ObjectMapper writes: the JSON summary is read by scripts and the operator. */
class TreeWriterTest {

    private static final ObjectMapper INDENTING = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void writesTreesAsAnIndentingObjectMapperDoes() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("""
                {"name": "shop \\"api\\" ünïcode", "passed": false, "message": null, "durationSeconds": 30.004,
                 "summary": {"total": {"requests": 1234567, "p95Ms": 12.5, "big": 12345678901},
                             "requests": [{"name": "GET /x", "rps": 0.0}, {"name": "POST /y", "rps": 1e-7}]},
                 "thresholds": [], "extra": {}, "nested": [[1, 2], [], [{}]]}
                """);

        assertThat(TreeWriter.indented(tree)).isEqualTo(INDENTING.writeValueAsString(tree));
    }

    @Test
    void writesCompactJsonAsJsonNodeToStringDoes() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("""
                {"token": "a\\"b ünï", "n": 1, "big": 12345678901, "x": 0.5, "none": null, "list": [[], {}, [true]]}
                """);

        assertThat(TreeWriter.compact(tree)).isEqualTo(tree.toString());
    }

    @Test
    void plainValuesBecomeTheTreesObjectMapperMakes() throws Exception {
        Map<String, Object> lost = new LinkedHashMap<>();
        lost.put("worker", "w-1");
        lost.put("elapsedSeconds", 12.5);
        lost.put("users", 25);
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("saturated", true);
        section.put("seconds", 30L);
        section.put("peakCpuPercent", 97.5f);
        section.put("message", null);
        section.put("lost", List.of(lost));
        section.put("counts", Arrays.asList(1, null, BigInteger.TEN, new BigDecimal("1.50")));
        section.put("short", (short) 3);

        JsonNode tree = TreeWriter.toTree(section);

        assertThat(tree).isEqualTo(INDENTING.valueToTree(section));
        assertThat(TreeWriter.indented(tree)).isEqualTo(INDENTING.writeValueAsString(section));
    }

    @Test
    void otherTypesAreRejectedByName() {
        assertThatThrownBy(() -> TreeWriter.toTree(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }
}
