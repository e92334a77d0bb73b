package io.stampede.runner.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.stampede.runner.stats.Snapshots.ORDERS;
import static io.stampede.runner.stats.Snapshots.PRODUCT;
import static io.stampede.runner.stats.Snapshots.START;
import static io.stampede.runner.stats.Snapshots.complete;
import static io.stampede.runner.stats.Snapshots.interval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class StatsAggregatorTest {

    @Test
    void percentilesOfAKnownDistributionMatchWithinHistogramPrecision() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0).ok(PRODUCT, 850, 5).ok(PRODUCT, 120, 50).ok(PRODUCT, 30, 300).build());

        RowSummary total = aggregator.summary("t", START + 1000).total();

        assertThat(total.percentiles().at(50)).isCloseTo(5, withinPercentage(0.1));
        assertThat(total.medianMs()).isEqualTo(total.percentiles().at(50));
        assertThat(total.percentiles().at(95)).isCloseTo(50, withinPercentage(0.1));
        assertThat(total.percentiles().at(99)).isCloseTo(300, withinPercentage(0.1));
        assertThat(total.percentiles().at(100)).isEqualTo(300.0);
        assertThat(total.minMs()).isEqualTo(5.0);
        assertThat(total.maxMs()).isEqualTo(300.0);
        assertThat(total.avgMs()).isCloseTo((850 * 5 + 120 * 50 + 30 * 300) / 1000.0, within(1e-9));
    }

    @Test
    void mergingThreeRecordersEqualsOneRecorderFedEverything() {
        List<RowKey> rows = List.of(PRODUCT, ORDERS);
        StatsRecorder[] loops = {new StatsRecorder(rows), new StatsRecorder(rows), new StatsRecorder(rows)};
        StatsRecorder single = new StatsRecorder(rows);
        for (int i = 0; i < 3000; i++) {
            long micros = 1000 + (i * 7919L) % 400_000;
            StatsRecorder loop = loops[i % 3];
            int row = i % 5 == 0 ? 1 : 0;
            if (i % 13 == 0) {
                loop.recordFailure(row, micros, 10, "HTTP 500");
                single.recordFailure(row, micros, 10, "HTTP 500");
            } else {
                loop.recordSuccess(row, micros, 10);
                single.recordSuccess(row, micros, 10);
            }
        }
        StatsAggregator merged = new StatsAggregator(START);
        for (StatsRecorder loop : loops) {
            merged.accept(loop.drain(0));
        }
        StatsAggregator reference = new StatsAggregator(START);
        reference.accept(single.drain(0));

        RunSummary mergedSummary = merged.summary("t", START + 1000);
        RunSummary referenceSummary = reference.summary("t", START + 1000);
        assertThat(mergedSummary.rows()).isEqualTo(referenceSummary.rows());
        assertThat(mergedSummary.total()).isEqualTo(referenceSummary.total());
        assertThat(mergedSummary.failures()).isEqualTo(referenceSummary.failures());
    }

    @Test
    void percentilesAreMergedFromHistogramsNeverAveraged() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0).ok(PRODUCT, 1000, 10).build());
        aggregator.accept(interval(0).ok(PRODUCT, 10, 2000).build());
        aggregator.accept(interval(0).ok(PRODUCT, 1000, 10).build());

        RowSummary total = aggregator.summary("t", START + 1000).total();

        // The per-recorder p99s are 10, 2000 and 10 ms: their average (673 ms) is not the run's p99.
        assertThat(total.percentiles().at(99)).isCloseTo(10, withinPercentage(0.1));
        assertThat(total.percentiles().at(99.9)).isEqualTo(2000.0);
    }

    @Test
    void theAggregateIsTheMergeOfAllRows() {
        RunSummary summary = Snapshots.sampleRun();

        assertThat(summary.total().requests()).isEqualTo(150);
        assertThat(summary.total().failures()).isEqualTo(2);
        assertThat(summary.total().minMs()).isEqualTo(10.0);
        assertThat(summary.total().maxMs()).isEqualTo(1400.0);
        // 90 + 50 of 150 requests took at most 100 ms.
        assertThat(summary.total().percentiles().at(90)).isCloseTo(100, withinPercentage(0.1));
        assertThat(summary.total().percentiles().at(95)).isEqualTo(1400.0);
    }

    @Test
    void summaryCountsRatesAndFailuresByCause() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0).ok(PRODUCT, 40, 10, 500).fail(PRODUCT, 3, 20, "HTTP 503")
                .fail(PRODUCT, 1, 20, "timeout after 10s").fail(ORDERS, 6, 5, "HTTP 409").build());
        aggregator.completeInterval(0, 4, START + 1000);
        aggregator.completeInterval(1, 7, START + 2000);
        aggregator.completeInterval(2, 5, START + 3000);

        RunSummary summary = aggregator.summary("shop", START + 4000);

        assertThat(summary.name()).isEqualTo("shop");
        assertThat(summary.durationSeconds()).isEqualTo(4.0);
        assertThat(summary.usersPeak()).isEqualTo(7);
        assertThat(summary.rows()).extracting(RowSummary::name)
                .containsExactly("POST /api/orders", "GET /api/products/{id}");
        RowSummary product = summary.row("GET /api/products/{id}").orElseThrow();
        assertThat(product.requests()).isEqualTo(44);
        assertThat(product.failures()).isEqualTo(4);
        assertThat(product.rps()).isEqualTo(11.0);
        assertThat(product.failuresPerSecond()).isEqualTo(1.0);
        assertThat(product.avgContentBytes()).isCloseTo(40 * 500 / 44.0, within(1e-9));
        assertThat(summary.total().requests()).isEqualTo(50);
        assertThat(summary.total().name()).isEqualTo("Aggregated");
        assertThat(summary.failures()).extracting(f -> f.request() + " " + f.cause() + " " + f.occurrences())
                .containsExactly("POST /api/orders HTTP 409 6", "GET /api/products/{id} HTTP 503 3",
                        "GET /api/products/{id} timeout after 10s 1");
    }

    @Test
    void currentRpsIsOverTheLastTenCompleteIntervals() {
        StatsAggregator aggregator = new StatsAggregator(START);
        for (int id = 0; id < 15; id++) {
            int requests = id < 5 ? 100 : 10;
            aggregator.accept(interval(id).ok(PRODUCT, requests, 10).fail(PRODUCT, requests / 10, 10, "x").build());
        }
        complete(aggregator, 0, 2, 1);
        assertThat(aggregator.liveView().aggregate().currentRps()).isEqualTo(110.0);

        complete(aggregator, 3, 11, 1);
        LiveRow afterTwelve = aggregator.liveView().aggregate();
        assertThat(afterTwelve.currentRps()).isEqualTo((3 * 110 + 7 * 11) / 10.0);
        assertThat(afterTwelve.currentFailuresPerSecond()).isEqualTo((3 * 10 + 7 * 1) / 10.0);

        complete(aggregator, 12, 14, 1);
        assertThat(aggregator.liveView().aggregate().currentRps()).isEqualTo(11.0);
        assertThat(aggregator.liveView().rows().get(0).currentRps()).isEqualTo(11.0);
    }

    @Test
    void aLateSnapshotLandsInItsOwnInterval() {
        StatsAggregator aggregator = new StatsAggregator(START);
        for (int id = 0; id <= 10; id++) {
            aggregator.accept(interval(id).ok(PRODUCT, 10, 10).build());
        }
        complete(aggregator, 0, 10, 1);

        aggregator.accept(interval(1).ok(PRODUCT, 500, 10).build());
        aggregator.accept(interval(11).ok(PRODUCT, 10, 10).build());
        HistorySecond eleven = aggregator.completeInterval(11, 1, START + 12_000).orElseThrow();

        // Interval 1 is outside the window 2..11: had the late snapshot landed in the current interval,
        // the rate would be 60/s.
        assertThat(eleven.aggregate().rps()).isEqualTo(10.0);
        assertThat(eleven.aggregate().intervalRequests()).isEqualTo(10);
        assertThat(eleven.aggregate().totalRequests()).isEqualTo(620);
        assertThat(aggregator.summary("t", START + 12_000).total().requests()).isEqualTo(620);
    }

    @Test
    void aSnapshotForALaterIntervalCountsOnlyOnceThatIntervalCompletes() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0).ok(PRODUCT, 10, 10).build());
        aggregator.accept(interval(1).ok(PRODUCT, 30, 10).build());

        HistorySecond zero = aggregator.completeInterval(0, 2, START + 1000).orElseThrow();
        assertThat(zero.aggregate().rps()).isEqualTo(10.0);
        assertThat(zero.aggregate().totalRequests()).isEqualTo(10);
        assertThat(aggregator.liveView().aggregate().currentRps()).isEqualTo(10.0);
        assertThat(aggregator.liveView().aggregate().requests()).isEqualTo(40);

        HistorySecond one = aggregator.completeInterval(1, 2, START + 2000).orElseThrow();
        assertThat(one.aggregate().rps()).isEqualTo(20.0);
        assertThat(one.aggregate().totalRequests()).isEqualTo(40);
    }

    @Test
    void historyHoldsWindowPercentilesAndCumulativeTotals() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0).ok(PRODUCT, 100, 10, 200).build());
        aggregator.accept(interval(1).ok(PRODUCT, 100, 1000, 200).fail(ORDERS, 1, 5, "HTTP 500").build());
        complete(aggregator, 0, 0, 3);
        HistorySecond second = aggregator.completeInterval(1, 5, START + 2000).orElseThrow();

        assertThat(second.intervalId()).isEqualTo(1);
        assertThat(second.users()).isEqualTo(5);
        assertThat(second.endEpochMillis()).isEqualTo(START + 2000);
        assertThat(second.rows()).extracting(HistoryRow::name)
                .containsExactly("POST /api/orders", "GET /api/products/{id}");
        HistoryRow total = second.aggregate();
        assertThat(total.intervalRequests()).isEqualTo(101);
        assertThat(total.intervalFailures()).isEqualTo(1);
        assertThat(total.rps()).isEqualTo(201 / 2.0);
        assertThat(total.failuresPerSecond()).isEqualTo(0.5);
        assertThat(total.windowPercentiles().at(99)).isEqualTo(1000.0);
        assertThat(total.totalRequests()).isEqualTo(201);
        assertThat(total.totalFailures()).isEqualTo(1);
        assertThat(total.totalMinMs()).isEqualTo(5.0);
        assertThat(total.totalMaxMs()).isEqualTo(1000.0);
        assertThat(total.totalAvgContentBytes()).isCloseTo(200 * 200 / 201.0, within(1e-9));
        assertThat(aggregator.history()).extracting(HistorySecond::intervalId).containsExactly(0L, 1L);
    }

    @Test
    void historyHoldsEachSecondsOwnPercentilesBesideTheWindows() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0).ok(PRODUCT, 100, 10).build());
        aggregator.accept(interval(1).ok(PRODUCT, 100, 900).build());
        aggregator.accept(interval(2).ok(PRODUCT, 100, 10).build());
        complete(aggregator, 0, 1, 3);
        HistorySecond jump = aggregator.history().get(1);
        HistorySecond after = aggregator.completeInterval(2, 3, START + 3000).orElseThrow();

        assertThat(jump.aggregate().intervalPercentiles().at(50)).isEqualTo(900.0);
        assertThat(jump.aggregate().windowPercentiles().at(50)).isCloseTo(10.0, within(0.01));
        assertThat(after.aggregate().intervalPercentiles().at(95)).isEqualTo(10.0);
        assertThat(after.aggregate().windowPercentiles().at(95)).isEqualTo(900.0);
        assertThat(after.rows().get(0).intervalPercentiles().at(95)).isEqualTo(10.0);
    }

    @Test
    void historyKeepsOnlyTheNewestSecondsUpToItsLimit() {
        StatsAggregator aggregator = new StatsAggregator(START, 5);
        complete(aggregator, 0, 7, 1);

        assertThat(aggregator.history()).extracting(HistorySecond::intervalId).containsExactly(3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void completingAnIntervalTwiceChangesNothing() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0).ok(PRODUCT, 10, 10).build());
        aggregator.completeInterval(0, 1, START + 1000);

        assertThat(aggregator.completeInterval(0, 99, START + 1000)).isEmpty();
        assertThat(aggregator.history()).hasSize(1);
        assertThat(aggregator.summary("t", START + 1000).usersPeak()).isEqualTo(1);
    }

    @Test
    void liveViewShowsUsersElapsedAndCumulativeLatencies() {
        StatsAggregator aggregator = new StatsAggregator(START);
        assertThat(aggregator.liveView().aggregate().currentRps()).isZero();
        aggregator.accept(interval(0).ok(PRODUCT, 99, 10).ok(PRODUCT, 1, 500).build());
        aggregator.accept(interval(1).ok(ORDERS, 20, 40).build());
        complete(aggregator, 0, 1, 8);

        LiveView view = aggregator.liveView();

        assertThat(view.users()).isEqualTo(8);
        assertThat(view.elapsedMillis()).isEqualTo(2000);
        assertThat(view.rows()).extracting(LiveRow::name).containsExactly("POST /api/orders", "GET /api/products/{id}");
        LiveRow product = view.rows().get(1);
        assertThat(product.requests()).isEqualTo(100);
        assertThat(product.currentRps()).isEqualTo(50.0);
        assertThat(product.p50Ms()).isCloseTo(10, withinPercentage(0.1));
        assertThat(product.p99Ms()).isCloseTo(10, withinPercentage(0.1));
        assertThat(product.maxMs()).isEqualTo(500.0);
        assertThat(view.aggregate().requests()).isEqualTo(120);
        assertThat(view.aggregate().currentRps()).isEqualTo(60.0);
    }
}
