package io.stampede.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.Snapshots;
import io.stampede.runner.stats.Threshold;
import io.stampede.runner.stats.Threshold.Comparison;
import io.stampede.runner.stats.ThresholdEvaluator;
import io.stampede.runner.stats.ThresholdResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSummaryWriterTest {

    private static final RunSummary SAMPLE = Snapshots.sampleRun();
    private static final List<ThresholdResult> RESULTS = ThresholdEvaluator.evaluate(List.of(
            new Threshold("p95 < 2s", null, "p95", Comparison.LT, 2000),
            new Threshold("failureRate < 1%", null, "failureRate", Comparison.LT, 0.01),
            new Threshold("p99 < 1s", "GET /api/typo", "p99", Comparison.LT, 1000)), SAMPLE);
    private static final List<String> ROW_FIELDS = List.of("requests", "failures", "rps", "avgMs", "minMs",
            "maxMs", "p50Ms", "p90Ms", "p95Ms", "p99Ms", "p999Ms");

    @Test
    void topLevelFieldsFollowTheStatusContract() {
        JsonNode json = JsonSummaryWriter.toJson(SAMPLE, RESULTS, Map.of());

        assertThat(fieldNames(json)).containsExactly("name", "startTime", "endTime", "durationSeconds", "passed",
                "message", "summary", "thresholds", "failures");
        assertThat(json.get("name").asText()).isEqualTo("shop-api");
        assertThat(json.get("startTime").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(json.get("endTime").asText()).isEqualTo("2023-11-14T22:13:30Z");
        assertThat(json.get("durationSeconds").asDouble()).isEqualTo(10.0);
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("message").asText()).startsWith("1 of 3 thresholds passed; failureRate was 1.33%");
    }

    @Test
    void summaryHasTheTotalAndANamedEntryPerRow() {
        JsonNode summary = JsonSummaryWriter.toJson(SAMPLE, RESULTS, Map.of()).get("summary");

        assertThat(fieldNames(summary.get("total"))).containsExactlyElementsOf(ROW_FIELDS);
        JsonNode first = summary.get("requests").get(0);
        assertThat(fieldNames(first)).first().isEqualTo("name");
        assertThat(fieldNames(first)).containsAll(ROW_FIELDS);
        assertThat(first.get("name").asText()).isEqualTo("POST /api/orders");
        assertThat(summary.get("requests")).hasSize(2);
        JsonNode total = summary.get("total");
        assertThat(total.get("requests").isIntegralNumber()).isTrue();
        assertThat(total.get("requests").asLong()).isEqualTo(150);
        assertThat(total.get("avgMs").asDouble()).isEqualTo(132.667);
        assertThat(total.get("rps").asDouble()).isEqualTo(15.0);
        assertThat(total.get("p999Ms").asDouble()).isEqualTo(1400.0);
    }

    @Test
    void thresholdsCarryTheirVerdictsAndObservedValues() {
        JsonNode thresholds = JsonSummaryWriter.toJson(SAMPLE, RESULTS, Map.of()).get("thresholds");

        assertThat(fieldNames(thresholds.get(0)))
                .containsExactly("expr", "request", "observed", "observedValue", "passed");
        assertThat(thresholds.get(0).get("request").isNull()).isTrue();
        assertThat(thresholds.get(0).get("observed").asText()).isEqualTo("1.4s");
        assertThat(thresholds.get(0).get("observedValue").asDouble()).isEqualTo(1400.0);
        assertThat(thresholds.get(0).get("passed").asBoolean()).isTrue();
        assertThat(thresholds.get(1).get("observedValue").asDouble()).isEqualTo(0.013333);
        assertThat(thresholds.get(2).get("request").asText()).isEqualTo("GET /api/typo");
        assertThat(thresholds.get(2).get("observed").asText()).isEqualTo("no requests");
        assertThat(thresholds.get(2).get("observedValue").isNull()).isTrue();
    }

    @Test
    void failuresNameRequestErrorAndOccurrences() {
        JsonNode failures = JsonSummaryWriter.toJson(SAMPLE, RESULTS, Map.of()).get("failures");

        assertThat(failures).hasSize(1);
        assertThat(fieldNames(failures.get(0))).containsExactly("request", "error", "occurrences");
        assertThat(failures.get(0).get("request").asText()).isEqualTo("GET /api/products/{id}");
        assertThat(failures.get(0).get("error").asText()).isEqualTo("HTTP 503");
        assertThat(failures.get(0).get("occurrences").asLong()).isEqualTo(2);
    }

    @Test
    void extraSectionsFollowTheCoreOnes() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("generator", Map.of("cpuPercent", 42));
        extra.put("workers", List.of(Map.of("name", "w-0")));

        JsonNode json = JsonSummaryWriter.toJson(SAMPLE, RESULTS, extra);

        assertThat(fieldNames(json)).endsWith("failures", "generator", "workers");
        assertThat(json.get("generator").get("cpuPercent").asInt()).isEqualTo(42);
        assertThatThrownBy(() -> JsonSummaryWriter.toJson(SAMPLE, RESULTS, Map.of("summary", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("summary");
    }

    @Test
    void withoutThresholdsTheRunPasses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out/summary.json");

        JsonSummaryWriter.write(file, SAMPLE, List.of(), Map.of());

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("message").asText()).isEqualTo("no thresholds");
        assertThat(json.get("thresholds")).isEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
