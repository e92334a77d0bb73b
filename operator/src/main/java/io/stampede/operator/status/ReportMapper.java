package io.stampede.operator.status;

import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.ProgressStatus;
import io.stampede.operator.api.RowSummary;
import io.stampede.operator.api.SummaryStatus;
import io.stampede.operator.api.ThresholdResult;
import io.stampede.runner.doc.ReportDocument;

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

    public static void apply(LoadTestStatus status, ReportDocument report) {
        SummaryStatus summary = new SummaryStatus();
        RowSummary total = row(report.summary().total());
        summary.setTotal(total);
        List<RowSummary> rows = new ArrayList<>(report.summary().requests().stream().map(ReportMapper::row).toList());
        rows.sort(Comparator.comparingLong(RowSummary::getRequests).reversed().thenComparing(RowSummary::getName));
        summary.setRequests(new ArrayList<>(rows.subList(0, Math.min(rows.size(), SummaryStatus.MAX_ROWS))));
        if (rows.size() > SummaryStatus.MAX_ROWS) summary.setOmittedRows(rows.size() - SummaryStatus.MAX_ROWS);
        status.setSummary(summary);

        List<ThresholdResult> thresholds = new ArrayList<>();
        for (ReportDocument.Threshold verdict : report.thresholds()) {
            ThresholdResult result = new ThresholdResult();
            result.setExpr(verdict.expr());
            result.setRequest(verdict.request());
            result.setObserved(verdict.observed());
            result.setPassed(verdict.passed());
            thresholds.add(result);
        }
        status.setThresholds(thresholds);

        ProgressStatus progress = status.getProgress() == null ? new ProgressStatus() : status.getProgress();
        progress.setUsers(0);
        progress.setElapsed(ElapsedText.of(report.durationSeconds()));
        progress.setRequests(total.getRequests());
        progress.setFailures(total.getFailures());
        progress.setRps(total.getRps());
        progress.setP50Ms(total.getP50Ms());
        progress.setP95Ms(total.getP95Ms());
        progress.setP99Ms(total.getP99Ms());
        status.setProgress(progress);
        status.setStartTime(report.startTime().toString());
    }

    private static RowSummary row(ReportDocument.Row source) {
        RowSummary row = new RowSummary();
        row.setName(source.name());
        row.setRequests(source.requests());
        row.setFailures(source.failures());
        row.setRps(source.rps());
        row.setAvgMs(source.avgMs());
        row.setMinMs(source.minMs());
        row.setMaxMs(source.maxMs());
        row.setP50Ms(source.p50Ms());
        row.setP90Ms(source.p90Ms());
        row.setP95Ms(source.p95Ms());
        row.setP99Ms(source.p99Ms());
        row.setP999Ms(source.p999Ms());
        return row;
    }
}
