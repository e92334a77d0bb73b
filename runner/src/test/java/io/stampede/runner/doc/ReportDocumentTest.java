package io.stampede.runner.doc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stampede.runner.report.JsonSummaryWriter;
import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.Snapshots;
import io.stampede.runner.stats.Threshold;
import io.stampede.runner.stats.Threshold.Comparison;
import io.stampede.runner.stats.ThresholdEvaluator;
import io.stampede.runner.stats.ThresholdResult;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportDocumentTest {

    private static final RunSummary SAMPLE = Snapshots.sampleRun();
    private static final List<ThresholdResult> RESULTS = ThresholdEvaluator.evaluate(List.of(
            new Threshold("p95 < 2s", null, "p95", Comparison.LT, 2000),
            new Threshold("failureRate < 1%", null, "failureRate", Comparison.LT, 0.01),
            new Threshold("failures < 5", "GET /api/products/{id}", "failures", Comparison.LT, 5),
            new Threshold("p99 < 1s", "GET /api/typo", "p99", Comparison.LT, 1000)), SAMPLE);

    @Test
    void theSummaryReadsBackAsTheSameDocument() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("generator", Map.of("saturated", false, "peakCpuPercent", 42.5));
        extra.put("workers", Map.of("expected", 2, "lost", List.of()));
        ReportDocument written = JsonSummaryWriter.toDocument(SAMPLE, RESULTS, extra);

        ReportDocument read = ReportDocument.parse(written.toJson());

        assertThat(read).isEqualTo(written);
        assertThat(read.summary().requests()).extracting(ReportDocument.Row::name).containsExactly(
                "POST /api/orders", "GET /api/products/{id}");
        assertThat(read.thresholds()).extracting(ReportDocument.Threshold::observedValue)
                .containsExactly(1400.0, 0.013333, 2L, null);
        assertThat(read.sections().keySet()).containsExactly("generator", "workers");
        assertThat(read.toJson()).isEqualTo(written.toJson());
    }

    @Test
    void writesWhatAnIndentingObjectMapperWritesOfTheSameTree() throws Exception {
        ReportDocument written = JsonSummaryWriter.toDocument(SAMPLE, RESULTS, Map.of());

        String json = written.toJson();

        ObjectMapper indenting = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        assertThat(json).isEqualTo(indenting.writeValueAsString(indenting.readTree(json)) + "\n");
    }

    @Test
    void aMistypedFieldIsNamedByItsPath() {
        String json = JsonSummaryWriter.toDocument(SAMPLE, RESULTS, Map.of()).toJson();

        assertThatThrownBy(() -> ReportDocument.parse(json.replaceFirst("\"p95Ms\" : [0-9.]+", "\"p95Ms\" : \"slow\"")))
                .isInstanceOf(DocumentException.class)
                .hasMessage("summary.total.p95Ms: expected a number, got \"slow\"");
        assertThatThrownBy(() -> ReportDocument.parse(json.replace("\"passed\" : false", "\"passed\" : \"no\"")))
                .isInstanceOf(DocumentException.class).hasMessageStartingWith("passed: expected true or false");
    }
}
