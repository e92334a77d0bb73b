package io.stampede.runner.report;

import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.Snapshots;
import io.stampede.runner.stats.StatsAggregator;
import io.stampede.runner.stats.Threshold;
import io.stampede.runner.stats.Threshold.Comparison;
import io.stampede.runner.stats.ThresholdEvaluator;
import io.stampede.runner.stats.ThresholdResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.stampede.runner.stats.Snapshots.PRODUCT;
import static io.stampede.runner.stats.Snapshots.START;
import static io.stampede.runner.stats.Snapshots.interval;
import static org.assertj.core.api.Assertions.assertThat;

class ConsoleTableTest {

    private static final RowKey LONG_NAME =
            new RowKey("GET", "/api/v2/catalogue/products/{productId}/reviews/{reviewId}/comments");

    @Test
    void liveViewShowsUsersElapsedAndARowPerStatsRow() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0).ok(PRODUCT, 95, 12).fail(PRODUCT, 5, 300, "HTTP 503")
                .ok(LONG_NAME, 10, 4).build());
        Snapshots.complete(aggregator, 0, 1, 10);

        List<String> lines = ConsoleTable.live(aggregator.liveView()).lines().toList();

        assertThat(lines.get(0)).isEqualTo("users 10, elapsed 2s (latencies in ms)");
        assertThat(lines.get(1)).startsWith("Name").contains("reqs", "fails", "cur RPS", "p50", "p95", "p99",
                "avg", "min", "max");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("GET /api/products/{id} ")
                .contains(" 100 ", " 5 (5%) ", " 50.0 ", " 12 ", " 300 "));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("GET /api/v2/catalogue/products/{pr…")
                .contains(" 4.0 "));
        assertThat(lines.get(lines.size() - 1)).startsWith("Aggregated").contains(" 110 ", " 55.0 ");
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(ConsoleTable.WIDTH));
    }

    @Test
    void finalSummaryListsThresholdVerdictsAndTopFailures() {
        StatsAggregator aggregator = new StatsAggregator(START);
        Snapshots snapshot = interval(0).ok(PRODUCT, 100, 10);
        for (int i = 1; i <= 12; i++) {
            snapshot.fail(PRODUCT, i, 10, "cause " + i);
        }
        aggregator.accept(snapshot.build());
        RunSummary summary = aggregator.summary("shop-api", START + 10_000);
        List<ThresholdResult> results = ThresholdEvaluator.evaluate(List.of(
                new Threshold("p95 < 2s", null, "p95", Comparison.LT, 2000),
                new Threshold("failureRate < 1%", "GET /api/products/{id}", "failureRate", Comparison.LT, 0.01)),
                summary);

        String text = ConsoleTable.summary(summary, results);
        List<String> lines = text.lines().toList();

        assertThat(lines.get(0)).isEqualTo("shop-api finished after 10s, peak 0 users (latencies in ms)");
        assertThat(text).contains("Thresholds: 1 of 2 thresholds passed; failureRate of GET /api/products/{id} "
                + "was 43.82% (limit 1%)");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("  PASS  p95 < 2s").contains("Aggregated",
                "10ms", "limit < 2s"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("  FAIL  failureRate < 1%")
                .contains("GET /api/products/{id}", "43.82%", "limit < 1%"));
        assertThat(text).contains("Failures by cause (top 10 of 12):");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(" +12  GET /api/products/\\{id} +cause 12"));
        assertThat(text).doesNotContain("cause 2\n").doesNotContain("cause 1\n");
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(ConsoleTable.WIDTH));
    }

    @Test
    void anEmptyRunShowsDashesForLatencies() {
        String text = ConsoleTable.summary(new StatsAggregator(START).summary("t", START), List.of());

        assertThat(text.lines()).anySatisfy(line -> assertThat(line).startsWith("Aggregated").endsWith("-"));
        assertThat(text).contains("Thresholds: no thresholds").doesNotContain("Failures by cause");
    }

    @Test
    void truncatesWithAnEllipsis() {
        assertThat(ConsoleTable.truncate("abcdef", 4)).isEqualTo("abc…");
        assertThat(ConsoleTable.truncate("abcd", 4)).isEqualTo("abcd");
    }
}
