package io.stampede.runner.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Latencies are folded into the histogram in batches; every one of them counts, whatever the batch's fill. */
class RowStatsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 127, 128, 129, 1000})
    void everyLatencyCountsWhetherOrNotItsBatchIsFull(int n) {
        RowStats row = new RowStats();
        for (int latency = 1; latency <= n; latency++) {
            row.recordSuccess(latency, 10);
        }

        assertThat(row.requests()).isEqualTo(n);
        assertThat(row.latencyMicros().getTotalCount()).isEqualTo(n);
        assertThat(row.minLatencyMicros()).isEqualTo(1);
        assertThat(row.maxLatencyMicros()).isEqualTo(n);
        assertThat(row.sumLatencyMicros()).isEqualTo((long) n * (n + 1) / 2);
        assertThat(row.percentileMicros(100)).isEqualTo(row.latencyMicros().highestEquivalentValue(n));
        assertThat(row.contentBytes()).isEqualTo(10L * n);
    }

    @Test
    void addingARowCarriesItsUnfoldedLatencies() {
        RowStats part = new RowStats();
        for (int i = 0; i < 5; i++) part.recordFailure(2_000, 0, "HTTP 503");
        RowStats total = new RowStats();
        total.recordSuccess(1_000, 0);

        total.add(part);

        assertThat(total.latencyMicros().getTotalCount()).isEqualTo(6);
        assertThat(total.maxLatencyMicros()).isEqualTo(2_000);
        assertThat(total.failuresByCause()).containsEntry("HTTP 503", 5L);
    }

    @Test
    void resetForgetsLatenciesNotYetFolded() {
        RowStats row = new RowStats();
        for (int i = 0; i < 5; i++) row.recordSuccess(9_000, 0);
        row.reset();
        row.recordSuccess(100, 0);

        assertThat(row.latencyMicros().getTotalCount()).isEqualTo(1);
        assertThat(row.maxLatencyMicros()).isEqualTo(100);
        assertThat(row.sumLatencyMicros()).isEqualTo(100);
    }
}
