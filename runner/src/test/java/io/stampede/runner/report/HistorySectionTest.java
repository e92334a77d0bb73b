package io.stampede.runner.report;

import io.stampede.runner.stats.Snapshots;
import io.stampede.runner.stats.StatsAggregator;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.stampede.runner.stats.Snapshots.ORDERS;
import static io.stampede.runner.stats.Snapshots.PRODUCT;
import static io.stampede.runner.stats.Snapshots.START;
import static org.assertj.core.api.Assertions.assertThat;

class HistorySectionTest {

    @Test
    void columnsHoldEachSecondsOwnCountsAndPercentiles() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(Snapshots.interval(0).ok(PRODUCT, 10, 20).build());
        aggregator.accept(Snapshots.interval(1).ok(PRODUCT, 10, 900).fail(ORDERS, 2, 50, "HTTP 503").build());
        // second 2: no requests at all
        aggregator.accept(Snapshots.interval(3).ok(PRODUCT, 10, 20).build());
        for (int id = 0; id < 4; id++) aggregator.completeInterval(id, id + 1, START + (id + 1) * 1000L);

        Map<String, Object> section = HistorySection.of(aggregator.history(), START);

        assertThat(section.get("elapsedSeconds")).isEqualTo(List.of(1.0, 2.0, 3.0, 4.0));
        assertThat(section.get("users")).isEqualTo(List.of(1L, 2L, 3L, 4L));
        assertThat(section.get("requests")).isEqualTo(List.of(10L, 12L, 0L, 10L));
        assertThat(section.get("failures")).isEqualTo(List.of(0L, 2L, 0L, 0L));
        // the slow second stands alone: the seconds after it are not stretched by a window
        assertThat(section.get("p95Ms")).isEqualTo(Arrays.asList(20.0, 900.0, null, 20.0));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) section.get("rows");
        assertThat(rows).extracting(row -> row.get("name")).containsExactly("GET /api/products/{id}", "POST /api/orders");
        assertThat(rows.get(1).get("failures")).isEqualTo(List.of(0L, 2L, 0L, 0L));
        assertThat(rows.get(1).get("p50Ms")).isEqualTo(Arrays.asList(null, 50.0, null, null));
    }

    @Test
    void anEmptyHistoryGivesEmptyColumns() {
        Map<String, Object> section = HistorySection.of(List.of(), START);

        assertThat(section.get("elapsedSeconds")).isEqualTo(List.of());
        assertThat(section.get("rows")).isEqualTo(List.of());
    }
}
