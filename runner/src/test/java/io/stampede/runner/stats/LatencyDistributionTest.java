package io.stampede.runner.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.stampede.runner.stats.Snapshots.ORDERS;
import static io.stampede.runner.stats.Snapshots.PRODUCT;
import static io.stampede.runner.stats.Snapshots.START;
import static io.stampede.runner.stats.Snapshots.complete;
import static io.stampede.runner.stats.Snapshots.interval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/** What the master's Prometheus latency metrics are made of: run-long and recent percentiles, le buckets. */
class LatencyDistributionTest {

    private static final double[] BOUNDS = {0.01, 0.1, 1};

    @Test
    void aSlowdownLateInALongRunShowsInTheRecentPercentilesWhileTheRunsBarelyMove() {
        StatsAggregator aggregator = new StatsAggregator(START);
        for (long id = 0; id < 60; id++) aggregator.accept(interval(id).ok(PRODUCT, 100, 5).build());
        for (long id = 60; id < 70; id++) aggregator.accept(interval(id).ok(PRODUCT, 100, 800).build());
        complete(aggregator, 0, 69, 10);

        LatencyDistribution product = aggregator.latencyDistributions(BOUNDS).get(0);

        assertThat(product.name()).isEqualTo("GET /api/products/{id}");
        assertThat(product.runQuantiles()[1]).as("run p95").isLessThan(0.801).isGreaterThan(0.7);
        assertThat(product.runQuantiles()[0]).as("run p50: still the fast part").isCloseTo(0.005, withinPercentage(1));
        assertThat(product.recentQuantiles()[0]).as("last 10 s p50: all slow").isCloseTo(0.8, withinPercentage(1));
    }

    @Test
    void bucketsCountRequestsAtMostEachBoundCumulatively() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0).ok(PRODUCT, 3, 5).ok(PRODUCT, 2, 50).fail(PRODUCT, 1, 2000, "timeout").build());
        complete(aggregator, 0, 0, 1);

        LatencyDistribution product = aggregator.latencyDistributions(BOUNDS).get(0);

        assertThat(product.bucketCounts()).containsExactly(3, 5, 5);
        assertThat(product.count()).isEqualTo(6);
        assertThat(product.sumSeconds()).isCloseTo(3 * 0.005 + 2 * 0.05 + 2.0, withinPercentage(0.001));
    }

    @Test
    void theAggregateComesLastAndARowQuietInTheWindowHasNoRecentPercentiles() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0).ok(ORDERS, 10, 100).build());
        for (long id = 0; id < 20; id++) aggregator.accept(interval(id).ok(PRODUCT, 10, 10).build());
        complete(aggregator, 0, 19, 1);

        List<LatencyDistribution> rows = aggregator.latencyDistributions(BOUNDS);

        assertThat(rows).extracting(LatencyDistribution::name)
                .containsExactly("POST /api/orders", "GET /api/products/{id}", "Aggregated"); // by path, as everywhere
        assertThat(java.util.Arrays.stream(rows.get(0).recentQuantiles()).boxed()).hasSize(3).allMatch(q -> q.isNaN());
        assertThat(rows.get(0).runQuantiles()[0]).isCloseTo(0.1, withinPercentage(1));
        assertThat(rows.get(2).count()).isEqualTo(210);
    }
}
