package io.stampede.runner.cluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.runner.cluster.master.MasterStatus;
import io.stampede.runner.json.TreeReader;
import io.stampede.runner.json.TreeWriter;
import io.stampede.runner.report.ArrivalsSection;
import io.stampede.runner.report.HistorySection;
import io.stampede.runner.report.JsonSummaryWriter;
import io.stampede.runner.report.html.HtmlReport;
import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.StatsAggregator;
import io.stampede.runner.stats.Threshold;
import io.stampede.runner.stats.ThresholdEvaluator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live view the master serves: {@code GET /} is the HTML report's page, which fetches {@code GET /api/v1/live}
 * every second and draws it; {@code GET /report.html} is the final HTML report once the run has ended.
 *
 * <p>The live document has the JSON summary's shape (so the page draws a running and a finished run alike), with
 * {@code state} ({@code running}, or the final phase in lower case: {@code succeeded}, {@code failed},
 * {@code error}, {@code aborted}), {@code users}, {@code history} and (open model) {@code arrivals} added; while
 * running, its thresholds are judged on the figures so far, and after the end it is the final report itself plus
 * the links to download it.
 *
 * <p>Pure functions of their inputs; the master's stats are read through their thread-safe methods.
 */
public final class WebView {

    /** Where the page fetches the document, relative to the page. */
    public static final String LIVE_PATH = "api/v1/live";

    private WebView() {
    }

    /** The page at {@code /}: the report page in live mode, seeded with the current document. */
    public static String page(String runName, String liveJson) {
        return HtmlReport.render(liveJson, runName, LIVE_PATH);
    }

    /**
     * The document while the run goes.
     *
     * @param stats      the merged stats; null before users started
     * @param nowMillis  the wall clock: rates divide by (now - start)
     */
    public static String running(String runName, List<Threshold> thresholds, MasterStatus status,
                                 StatsAggregator stats, long nowMillis) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("state", "running");
        extras.put("users", status.users());
        if (stats == null) {
            extras.put("name", runName);
            return TreeWriter.indented(TreeWriter.toTree(extras));
        }
        RunSummary summary = stats.summary(runName, nowMillis);
        if (summary.arrivals().any()) extras.put(ArrivalsSection.NAME, ArrivalsSection.of(summary.arrivals()));
        extras.put("history", HistorySection.of(stats.history(), summary.startEpochMillis()));
        return TreeWriter.indented(JsonSummaryWriter.toJson(summary,
                ThresholdEvaluator.evaluate(thresholds, summary), extras));
    }

    /** The document once the run has ended: the final report, its state and where to download it. */
    public static String finished(String runName, FinalResult result) {
        ObjectNode document;
        if (result.reportJson() == null) {
            document = (ObjectNode) TreeWriter.toTree(Map.of("name", runName, "message", result.message()));
        } else {
            document = (ObjectNode) parse(result.reportJson());
            document.set("downloads", TreeWriter.toTree(List.of(
                    Map.of("label", "JSON summary", "href", "api/v1/report"),
                    Map.of("label", "HTML report", "href", "report.html"))));
        }
        document.put("state", result.phase().toLowerCase(Locale.ROOT));
        return TreeWriter.indented(document);
    }

    /** The final HTML report, as {@code --html} writes it; null before the end. */
    public static String finalReport(String runName, FinalResult result) {
        if (result == null || result.reportJson() == null) return null;
        return HtmlReport.render(result.reportJson(), runName, null);
    }

    private static JsonNode parse(String json) {
        try {
            return TreeReader.parse(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the master's own report is not JSON", e);
        }
    }
}
