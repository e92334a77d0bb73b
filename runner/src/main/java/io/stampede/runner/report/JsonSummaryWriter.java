package io.stampede.runner.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.runner.json.TreeWriter;
import io.stampede.runner.stats.FailureCount;
import io.stampede.runner.stats.RowSummary;
import io.stampede.runner.stats.RunSummary;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run's summary as JSON, in the shape of the contract's {@code status.summary} plus verdicts:
 * <pre>
 * {"name", "startTime", "endTime" (ISO-8601 UTC), "durationSeconds", "passed", "message",
 *  "summary": {"total": {requests, failures, rps, avgMs, minMs, maxMs, p50Ms, p90Ms, p95Ms, p99Ms, p999Ms},
 *              "requests": [{"name": "GET /x", ...the same fields}]},
 *  "thresholds": [{"expr", "request" (null = aggregate), "observed" (text), "observedValue" (base unit, null
 *                  without requests), "passed"}],
 *  "failures": [{"request", "error", "occurrences"}],
 *  ...extra sections, in the order given}
 * </pre>
 * Milliseconds and rates rounded to 3 decimals, fractions (failureRate) to 6. A plain function of its inputs.
 */
public final class JsonSummaryWriter {

    private static final Set<String> CORE_FIELDS = Set.of("name", "startTime", "endTime", "durationSeconds",
            "passed", "message", "summary", "thresholds", "failures");

    private JsonSummaryWriter() {
    }

    /**
     * @param extraSections further top-level sections (e.g. "generator", "workers"): maps, lists, strings,
     *                      numbers, booleans ({@link TreeWriter#toTree}); a name that clashes with a core field is
     *                      rejected
     */
    public static ObjectNode toJson(RunSummary summary, List<ThresholdResult> thresholds,
                                    Map<String, ?> extraSections) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", summary.name());
        root.put("startTime", Instant.ofEpochMilli(summary.startEpochMillis()).toString());
        root.put("endTime", Instant.ofEpochMilli(summary.endEpochMillis()).toString());
        root.put("durationSeconds", round(summary.durationSeconds(), 3));
        root.put("passed", ThresholdEvaluator.allPassed(thresholds));
        root.put("message", ThresholdMessage.of(thresholds));
        ObjectNode stats = root.putObject("summary");
        rowFields(stats.putObject("total"), summary.total());
        ArrayNode requests = stats.putArray("requests");
        summary.rows().forEach(row -> rowFields(requests.addObject().put("name", row.name()), row));
        ArrayNode verdicts = root.putArray("thresholds");
        thresholds.forEach(result -> thresholdFields(verdicts.addObject(), result));
        ArrayNode failures = root.putArray("failures");
        for (FailureCount failure : summary.failures()) {
            failures.addObject().put("request", failure.request()).put("error", failure.cause())
                    .put("occurrences", failure.occurrences());
        }
        extraSections.forEach((name, section) -> {
            if (CORE_FIELDS.contains(name)) {
                throw new IllegalArgumentException("extra section '" + name + "' clashes with a core field");
            }
            root.set(name, TreeWriter.toTree(section));
        });
        return root;
    }

    public static String toJsonString(RunSummary summary, List<ThresholdResult> thresholds,
                                      Map<String, ?> extraSections) {
        return TreeWriter.indented(toJson(summary, thresholds, extraSections)) + "\n";
    }

    /** Writes the JSON to a file, creating missing parent folders. */
    public static void write(Path path, RunSummary summary, List<ThresholdResult> thresholds,
                             Map<String, ?> extraSections) throws IOException {
        CsvReports.createParent(path);
        Files.writeString(path, toJsonString(summary, thresholds, extraSections), StandardCharsets.UTF_8);
    }

    private static void rowFields(ObjectNode node, RowSummary row) {
        node.put("requests", row.requests());
        node.put("failures", row.failures());
        node.put("rps", round(row.rps(), 3));
        node.put("avgMs", round(row.avgMs(), 3));
        node.put("minMs", round(row.minMs(), 3));
        node.put("maxMs", round(row.maxMs(), 3));
        node.put("p50Ms", round(row.percentiles().at(50), 3));
        node.put("p90Ms", round(row.percentiles().at(90), 3));
        node.put("p95Ms", round(row.percentiles().at(95), 3));
        node.put("p99Ms", round(row.percentiles().at(99), 3));
        node.put("p999Ms", round(row.percentiles().at(99.9), 3));
    }

    private static void thresholdFields(ObjectNode node, ThresholdResult result) {
        node.put("expr", result.threshold().expr());
        node.put("request", result.threshold().request());
        node.put("observed", result.observedText());
        if (result.hadNoRequests()) {
            node.putNull("observedValue");
        } else {
            String metric = result.threshold().metric();
            if (metric.equals("failures") || metric.equals("requests")) {
                node.put("observedValue", Math.round(result.observed()));
            } else {
                node.put("observedValue", round(result.observed(), metric.equals("failureRate") ? 6 : 3));
            }
        }
        node.put("passed", result.passed());
    }

    static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
