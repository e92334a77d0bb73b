package io.stampede.runner.stats;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

import java.util.ArrayList;
import java.util.List;

import static io.stampede.runner.stats.Snapshots.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * What a long run keeps in memory: the master's statistics (cumulative histograms, the 10 s window and the
 * per-second history the charts need) must stop growing once the history limit is reached, and an hour of 20 rows
 * must fit in the size docs/reports.md states. Sizes are retained bytes measured by JOL, not timings.
 */
class LongRunMemoryTest {

    static {
        // records' field offsets are not given out by Unsafe: JOL finds them by probing instead
        System.setProperty("jol.magicFieldOffset", "true");
    }

    @Test
    void theHistoryKeepsItsLastLimitSecondsAndTheAggregatorStopsGrowing() {
        StatsAggregator aggregator = new StatsAggregator(START, 300);
        LongRuns.feed(aggregator, 0, 300);
        long atLimit = GraphLayout.parseInstance(aggregator).totalSize();
        LongRuns.feed(aggregator, 300, 900);
        long threeTimesLonger = GraphLayout.parseInstance(aggregator).totalSize();

        List<HistorySecond> history = aggregator.history();
        assertThat(history).hasSize(300);
        assertThat(history.get(0).intervalId()).isEqualTo(600);
        assertThat(history.get(299).intervalId()).isEqualTo(899);
        assertThat(threeTimesLonger).as("retained bytes after 300 s vs 900 s").isCloseTo(atLimit, withinPercentage(5));
    }

    @Test
    void anHourOfTwentyRowsFitsInTheDocumentedSize() {
        StatsAggregator aggregator = LongRuns.anHourOfTwentyRows();

        long historyBytes = GraphLayout.parseInstance(new ArrayList<>(aggregator.history())).totalSize();
        long perRowSecond = historyBytes / (3600L * (LongRuns.ROWS + 1));
        System.out.printf("1 h x %d rows: history %.1f MB (%d bytes per row and second), whole aggregator %.1f MB%n",
                LongRuns.ROWS, historyBytes / 1e6, perRowSecond, GraphLayout.parseInstance(aggregator).totalSize() / 1e6);

        assertThat(aggregator.history()).hasSize(3600);
        // docs/reports.md: about 360 bytes per row and second, so 3 hours of 20 rows stay under 100 MB
        assertThat(perRowSecond).isLessThan(400);
    }
}
