package io.stampede.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.ProgressStatus;
import io.stampede.operator.api.RowSummary;
import io.stampede.operator.api.SummaryStatus;
import io.stampede.operator.api.ThresholdResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Copies a master's final report ({@code GET /api/v1/report}, the same JSON as {@code stampede run --json}) into
 * the status: the summary per row and in total (the busiest {@link SummaryStatus#MAX_ROWS} rows), every
 * threshold's verdict, and the final totals into {@code progress} so that {@code kubectl get} shows them.
 * A pure function.
 */
public final class ReportMapper {

    private ReportMapper() {
    }

    public static void apply(LoadTestStatus status, JsonNode report) {
        JsonNode summary = report.path("summary");
        SummaryStatus summaryStatus = new SummaryStatus();
        RowSummary total = row(summary.path("total"), null);
        summaryStatus.setTotal(total);
        List<RowSummary> rows = new ArrayList<>();
        summary.path("requests").forEach(row -> rows.add(row(row, row.path("name").asText())));
        rows.sort(Comparator.comparingLong(RowSummary::getRequests).reversed().thenComparing(RowSummary::getName));
        summaryStatus.setRequests(new ArrayList<>(rows.subList(0, Math.min(rows.size(), SummaryStatus.MAX_ROWS))));
        if (rows.size() > SummaryStatus.MAX_ROWS) summaryStatus.setOmittedRows(rows.size() - SummaryStatus.MAX_ROWS);
        status.setSummary(summaryStatus);

        List<ThresholdResult> thresholds = new ArrayList<>();
        report.path("thresholds").forEach(node -> {
            ThresholdResult result = new ThresholdResult();
            result.setExpr(node.path("expr").asText());
            result.setRequest(node.path("request").isTextual() ? node.path("request").asText() : null);
            result.setObserved(node.path("observed").asText(null));
            result.setPassed(node.path("passed").asBoolean());
            thresholds.add(result);
        });
        status.setThresholds(thresholds);

        ProgressStatus progress = status.getProgress() == null ? new ProgressStatus() : status.getProgress();
        progress.setUsers(0);
        progress.setElapsed(ElapsedText.of(report.path("durationSeconds").asDouble()));
        progress.setRequests(total.getRequests());
        progress.setFailures(total.getFailures());
        progress.setRps(total.getRps());
        progress.setP50Ms(total.getP50Ms());
        progress.setP95Ms(total.getP95Ms());
        progress.setP99Ms(total.getP99Ms());
        status.setProgress(progress);
        if (report.hasNonNull("startTime")) status.setStartTime(report.path("startTime").asText());
    }

    private static RowSummary row(JsonNode node, String name) {
        RowSummary row = new RowSummary();
        row.setName(name);
        row.setRequests(node.path("requests").asLong());
        row.setFailures(node.path("failures").asLong());
        row.setRps(node.path("rps").asDouble());
        row.setAvgMs(node.path("avgMs").asDouble());
        row.setMinMs(node.path("minMs").asDouble());
        row.setMaxMs(node.path("maxMs").asDouble());
        row.setP50Ms(node.path("p50Ms").asDouble());
        row.setP90Ms(node.path("p90Ms").asDouble());
        row.setP95Ms(node.path("p95Ms").asDouble());
        row.setP99Ms(node.path("p99Ms").asDouble());
        row.setP999Ms(node.path("p999Ms").asDouble());
        return row;
    }
}
