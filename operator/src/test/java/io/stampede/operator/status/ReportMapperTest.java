package io.stampede.operator.status;

import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.ProgressStatus;
import io.stampede.operator.api.RowSummary;
import io.stampede.operator.api.SummaryStatus;
import io.stampede.operator.api.ThresholdResult;
import io.stampede.runner.doc.ReportDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ReportMapperTest {

    @Test
    void rowsAreSortedBusiestFirstThenByName() throws Exception {
        LoadTestStatus status = new LoadTestStatus();

        ReportMapper.apply(status, MasterStatusMapperTest.report("report-failed.json"));

        assertThat(status.getSummary().getRequests()).extracting(RowSummary::getName, RowSummary::getRequests)
                .containsExactly(tuple("GET /api/users/me", 45L), tuple("GET /api/users", 22L),
                        tuple("POST /api/auth/login", 16L), tuple("GET /health", 12L), tuple("PUT /api/users/me", 12L));
        assertThat(status.getSummary().getOmittedRows()).isNull();
        RowSummary login = status.getSummary().getRequests().get(2);
        assertThat(login.getFailures()).isZero();
        assertThat(login.getRps()).isEqualTo(2.583);
        assertThat(login.getAvgMs()).isEqualTo(497.015);
        assertThat(login.getMinMs()).isEqualTo(11.738);
        assertThat(login.getMaxMs()).isEqualTo(1313.139);
        assertThat(login.getP50Ms()).isEqualTo(361.983);
        assertThat(login.getP90Ms()).isEqualTo(1171.455);
        assertThat(login.getP99Ms()).isEqualTo(1313.139);
        assertThat(status.getSummary().getTotal().getName()).isNull();
        assertThat(status.getSummary().getTotal().getP999Ms()).isEqualTo(1313.139);
    }

    @Test
    void thresholdVerdictsAreCopiedWithTheirRow() throws Exception {
        LoadTestStatus status = new LoadTestStatus();

        ReportMapper.apply(status, MasterStatusMapperTest.report("report-failed.json"));

        assertThat(status.getThresholds())
                .extracting(ThresholdResult::getExpr, ThresholdResult::getRequest, ThresholdResult::getObserved,
                        ThresholdResult::getPassed)
                .containsExactly(tuple("p95 < 500ms", null, "828ms", false), tuple("failureRate < 1%", null, "0%", true),
                        tuple("rps > 5", null, "17.3/s", true), tuple("p99 < 1s", "GET /api/users", "151ms", true));
    }

    @Test
    void theFinalProgressIsTheTotals() throws Exception {
        LoadTestStatus status = new LoadTestStatus();
        status.setProgress(new ProgressStatus());
        status.getProgress().setUsers(20);
        status.getProgress().setRequests(99L);

        ReportMapper.apply(status, MasterStatusMapperTest.report("report-failed.json"));

        assertThat(status.getProgress().getUsers()).isZero();
        assertThat(status.getProgress().getElapsed()).isEqualTo("6s");
        assertThat(status.getProgress().getRequests()).isEqualTo(107L);
        assertThat(status.getProgress().getFailures()).isZero();
        assertThat(status.getProgress().getRps()).isEqualTo(17.275);
        assertThat(status.getProgress().getP50Ms()).isEqualTo(19.807);
        assertThat(status.getProgress().getP95Ms()).isEqualTo(827.903);
        assertThat(status.getProgress().getP99Ms()).isEqualTo(1171.455);
        assertThat(status.getStartTime()).isEqualTo("2026-11-22T03:54:02.583Z");
    }

    @Test
    void keepsTheBusiest50RowsAndCountsTheRest() {
        List<ReportDocument.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 53; i++) rows.add(row("GET /items/" + i, i * 10));
        ReportDocument report = new ReportDocument("many", Instant.parse("2026-11-22T03:54:02Z"),
                Instant.parse("2026-11-22T03:55:02Z"), 60, true, "no thresholds",
                new ReportDocument.Summary(row(null, 100_000), rows), List.of(), List.of(), Map.of());
        LoadTestStatus status = new LoadTestStatus();

        ReportMapper.apply(status, report);

        assertThat(SummaryStatus.MAX_ROWS).isEqualTo(50);
        assertThat(status.getSummary().getRequests()).hasSize(50);
        assertThat(status.getSummary().getRequests().get(0).getName()).isEqualTo("GET /items/53");
        assertThat(status.getSummary().getRequests().get(49).getName()).isEqualTo("GET /items/4");
        assertThat(status.getSummary().getOmittedRows()).isEqualTo(3);
        assertThat(status.getThresholds()).isEmpty();
        assertThat(status.getProgress().getRequests()).isEqualTo(100_000L);
    }

    private static ReportDocument.Row row(String name, long requests) {
        return new ReportDocument.Row(name, requests, 0, 1, 2, 1, 3, 2, 2, 2, 3, 3);
    }
}
