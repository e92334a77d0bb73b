package io.stampede.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.runner.doc.ReportDocument;
import io.stampede.runner.json.TreeWriter;
import io.stampede.runner.stats.FailureCount;
import io.stampede.runner.stats.RowSummary;
import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.Threshold;
import io.stampede.runner.stats.ThresholdEvaluator;
import io.stampede.runner.stats.ThresholdMessage;
import io.stampede.runner.stats.ThresholdResult;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's summary as a {@link ReportDocument} (its Javadoc shows the JSON) and as JSON text. Milliseconds and
 * rates rounded to 3 decimals, fractions (failureRate) to 6. A plain function of its inputs.
 */
public final class JsonSummaryWriter {

    private JsonSummaryWriter() {
    }

    /**
     * @param extraSections further top-level sections (e.g. "generator", "workers"): maps, lists, strings,
     *                      numbers, booleans ({@link TreeWriter#toTree}); a name that clashes with a core field is
     *                      rejected
     */
    public static ReportDocument toDocument(RunSummary summary, List<ThresholdResult> thresholds,
                                            Map<String, ?> extraSections) {
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        extraSections.forEach((name, section) -> sections.put(name, TreeWriter.toTree(section)));
        return new ReportDocument(summary.name(), Instant.ofEpochMilli(summary.startEpochMillis()),
                Instant.ofEpochMilli(summary.endEpochMillis()), round(summary.durationSeconds(), 3),
                ThresholdEvaluator.allPassed(thresholds), ThresholdMessage.of(thresholds),
                new ReportDocument.Summary(row(null, summary.total()),
                        summary.rows().stream().map(row -> row(row.name(), row)).toList()),
                thresholds.stream().map(JsonSummaryWriter::threshold).toList(),
                summary.failures().stream().map(JsonSummaryWriter::failure).toList(),
                sections);
    }

    public static ObjectNode toJson(RunSummary summary, List<ThresholdResult> thresholds,
                                    Map<String, ?> extraSections) {
        return toDocument(summary, thresholds, extraSections).toTree();
    }

    public static String toJsonString(RunSummary summary, List<ThresholdResult> thresholds,
                                      Map<String, ?> extraSections) {
        return toDocument(summary, thresholds, extraSections).toJson();
    }

    /** Writes the JSON to a file, creating missing parent folders. */
    public static void write(Path path, RunSummary summary, List<ThresholdResult> thresholds,
                             Map<String, ?> extraSections) throws IOException {
        CsvReports.createParent(path);
        Files.writeString(path, toJsonString(summary, thresholds, extraSections), StandardCharsets.UTF_8);
    }

    private static ReportDocument.Row row(String name, RowSummary row) {
        return new ReportDocument.Row(name, row.requests(), row.failures(), round(row.rps(), 3),
                round(row.avgMs(), 3), round(row.minMs(), 3), round(row.maxMs(), 3),
                round(row.percentiles().at(50), 3), round(row.percentiles().at(90), 3),
                round(row.percentiles().at(95), 3), round(row.percentiles().at(99), 3),
                round(row.percentiles().at(99.9), 3));
    }

    private static ReportDocument.Threshold threshold(ThresholdResult result) {
        Number observed;
        if (result.hadNoRequests()) {
            observed = null;
        } else {
            String metric = result.threshold().metric();
            if (metric.equals("failures") || metric.equals("requests") || metric.equals("dropped")) {
                observed = Math.round(result.observed());
            } else {
                boolean fraction = metric.equals("failureRate") || metric.equals(Threshold.DROPPED_RATE);
                observed = round(result.observed(), fraction ? 6 : 3);
            }
        }
        return new ReportDocument.Threshold(result.threshold().expr(), result.threshold().request(),
                result.observedText(), observed, result.passed());
    }

    private static ReportDocument.Failure failure(FailureCount failure) {
        return new ReportDocument.Failure(failure.request(), failure.cause(), failure.occurrences());
    }

    static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
