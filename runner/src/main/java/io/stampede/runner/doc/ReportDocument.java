package io.stampede.runner.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.runner.json.TreeWriter;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run's summary: {@code stampede run --json}, {@code stampede master --json} and the master's
 * {@code GET /api/v1/report}, in the shape of the LoadTest's {@code status.summary} plus verdicts:
 * <pre>
 * {"name", "startTime", "endTime" (ISO-8601 UTC), "durationSeconds", "passed", "message",
 *  "summary": {"total": {requests, failures, rps, avgMs, minMs, maxMs, p50Ms, p90Ms, p95Ms, p99Ms, p999Ms},
 *              "requests": [{"name": "GET /x", ...the same fields}]},
 *  "thresholds": [{"expr", "request" (null = aggregate), "observed" (text), "observedValue" (base unit, null
 *                  without requests), "passed"}],
 *  "failures": [{"request", "error", "occurrences"}],
 *  ...further sections ("capacity" of a stress run ({@link CapacityDocument}), "story" ({@link StoryDocument}),
 *  "generator", "workers", "history"), in their order}
 * </pre>
 *
 * @param durationSeconds from the first user's start to the end, in seconds
 * @param passed          whether every threshold held (true without thresholds)
 * @param message         one line for people: the verdict, naming a breached threshold
 * @param sections        further top-level sections by name, in order, as JSON trees; none may be named like a
 *                        field above
 */
public record ReportDocument(String name, Instant startTime, Instant endTime, double durationSeconds, boolean passed,
                             String message, Summary summary, List<Threshold> thresholds, List<Failure> failures,
                             Map<String, JsonNode> sections) {

    /** The fields above, in the order written; section names must differ from them. */
    public static final Set<String> CORE_FIELDS = Set.of("name", "startTime", "endTime", "durationSeconds",
            "passed", "message", "summary", "thresholds", "failures");

    public ReportDocument {
        thresholds = List.copyOf(thresholds);
        failures = List.copyOf(failures);
        for (String section : sections.keySet()) {
            if (CORE_FIELDS.contains(section)) {
                throw new IllegalArgumentException("extra section '" + section + "' clashes with a core field");
            }
        }
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** @param requests one row per METHOD and name, in the report's order */
    public record Summary(Row total, List<Row> requests) {

        public Summary {
            requests = List.copyOf(requests);
        }
    }

    /**
     * One stats row, or the aggregate: counts, the rate over the run (per second) and latency in milliseconds
     * from the merged histogram.
     *
     * @param name METHOD and name such as {@code GET /api/users/{id}}; null for the total
     */
    public record Row(String name, long requests, long failures, double rps, double avgMs, double minMs,
                      double maxMs, double p50Ms, double p90Ms, double p95Ms, double p99Ms, double p999Ms) {
    }

    /**
     * @param request       the stats row it is scoped to; null for the aggregate
     * @param observed      the observed value for people, such as {@code 812ms} or {@code 0.4%}
     * @param observedValue the observed value in its base unit (milliseconds, a fraction, per second): a Long for
     *                      counts (requests, failures), a Double otherwise; null when there were no requests
     */
    public record Threshold(String expr, String request, String observed, Number observedValue, boolean passed) {
    }

    /** @param error the failure's cause, such as {@code connection refused} or {@code HTTP 503} */
    public record Failure(String request, String error, long occurrences) {
    }

    /**
     * The stress run's capacity (the {@value CapacityDocument#SECTION} section), or null when the run was not a
     * stress run.
     *
     * @throws DocumentException when the section is there but not a capacity
     */
    public CapacityDocument capacity() {
        JsonNode section = sections.get(CapacityDocument.SECTION);
        return section == null || section.isNull() ? null : CapacityDocument.fromTree(section);
    }

    /**
     * The story of the run (the {@value StoryDocument#SECTION} section), or null in a summary written before it
     * was added.
     *
     * @throws DocumentException when the section is there but not a story
     */
    public StoryDocument story() {
        JsonNode section = sections.get(StoryDocument.SECTION);
        return section == null || section.isNull() ? null : StoryDocument.fromTree(section);
    }

    public ObjectNode toTree() {
        ObjectNode root = Fields.object();
        root.put("name", name);
        root.put("startTime", startTime.toString());
        root.put("endTime", endTime.toString());
        root.put("durationSeconds", durationSeconds);
        root.put("passed", passed);
        root.put("message", message);
        ObjectNode stats = root.putObject("summary");
        stats.set("total", row(summary.total()));
        stats.set("requests", Fields.array(summary.requests(), ReportDocument::row));
        root.set("thresholds", Fields.array(thresholds, threshold -> {
            ObjectNode node = Fields.object().put("expr", threshold.expr()).put("request", threshold.request())
                    .put("observed", threshold.observed());
            if (threshold.observedValue() == null) node.putNull("observedValue");
            else if (threshold.observedValue() instanceof Long count) node.put("observedValue", count);
            else node.put("observedValue", threshold.observedValue().doubleValue());
            return node.put("passed", threshold.passed());
        }));
        root.set("failures", Fields.array(failures, failure -> Fields.object().put("request", failure.request())
                .put("error", failure.error()).put("occurrences", failure.occurrences())));
        sections.forEach(root::set);
        return root;
    }

    /** Indented JSON with a final line break: the {@code --json} file and what the master serves. */
    public String toJson() {
        return TreeWriter.indented(toTree()) + "\n";
    }

    /** @throws DocumentException naming the first field that is missing or of the wrong type */
    public static ReportDocument fromTree(JsonNode tree) {
        Fields root = Fields.of(tree, "");
        Fields stats = root.object("summary");
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        root.others(CORE_FIELDS, sections::put);
        return new ReportDocument(root.text("name"), root.instant("startTime"), root.instant("endTime"),
                root.number("durationSeconds"), root.flag("passed"), root.text("message"),
                new Summary(row(stats.object("total")), stats.list("requests", ReportDocument::row)),
                root.list("thresholds", threshold -> new Threshold(threshold.text("expr"),
                        threshold.optionalText("request"), threshold.text("observed"),
                        threshold.optionalNumber("observedValue"), threshold.flag("passed"))),
                root.list("failures", failure -> new Failure(failure.text("request"), failure.text("error"),
                        failure.whole("occurrences"))),
                sections);
    }

    /** @throws DocumentException when the text is not JSON or not this document */
    public static ReportDocument parse(String json) {
        return fromTree(Documents.tree(json));
    }

    private static ObjectNode row(Row row) {
        ObjectNode node = Fields.object();
        if (row.name() != null) node.put("name", row.name());
        return node.put("requests", row.requests()).put("failures", row.failures()).put("rps", row.rps())
                .put("avgMs", row.avgMs()).put("minMs", row.minMs()).put("maxMs", row.maxMs())
                .put("p50Ms", row.p50Ms()).put("p90Ms", row.p90Ms()).put("p95Ms", row.p95Ms())
                .put("p99Ms", row.p99Ms()).put("p999Ms", row.p999Ms());
    }

    private static Row row(Fields row) {
        return new Row(row.optionalText("name"), row.whole("requests"), row.whole("failures"), row.number("rps"),
                row.number("avgMs"), row.number("minMs"), row.number("maxMs"), row.number("p50Ms"),
                row.number("p90Ms"), row.number("p95Ms"), row.number("p99Ms"), row.number("p999Ms"));
    }
}
