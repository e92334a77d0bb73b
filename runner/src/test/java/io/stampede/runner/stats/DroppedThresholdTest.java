package io.stampede.runner.stats;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The open model's {@code dropped} threshold: a count, or with % a share of the scheduled arrivals. */
class DroppedThresholdTest {

    /** 200 arrivals over two seconds, 3 dropped (1.5%), 1 late. */
    private static RunSummary summary() {
        StatsAggregator aggregator = new StatsAggregator(0);
        aggregator.accept(new IntervalStats(0, Map.of(), new ArrivalCounts(100, 99, 1, 0)));
        aggregator.accept(new IntervalStats(1, Map.of(), new ArrivalCounts(100, 98, 2, 1)));
        aggregator.completeInterval(0, 5, 1000);
        aggregator.completeInterval(1, 5, 2000);
        return aggregator.summary("open", 2000);
    }

    @Test
    void arrivalsAddUpOverTheRunAndPerSecond() {
        RunSummary summary = summary();

        assertThat(summary.arrivals()).isEqualTo(new ArrivalCounts(200, 197, 3, 1));
    }

    @Test
    void aPercentageJudgesTheShareOfScheduledArrivals() {
        ThresholdResult onePercent = ThresholdEvaluator.evaluate(ThresholdParser.parse("dropped < 1%", null), summary());
        ThresholdResult twoPercent = ThresholdEvaluator.evaluate(ThresholdParser.parse("dropped < 2%", null), summary());

        assertThat(onePercent.passed()).isFalse();
        assertThat(onePercent.observedText()).isEqualTo("1.5%");
        assertThat(twoPercent.passed()).isTrue();
    }

    @Test
    void aPlainNumberJudgesTheCount() {
        ThresholdResult none = ThresholdEvaluator.evaluate(ThresholdParser.parse("dropped <= 0", null), summary());
        ThresholdResult few = ThresholdEvaluator.evaluate(ThresholdParser.parse("dropped < 5", null), summary());

        assertThat(none.passed()).isFalse();
        assertThat(none.observedText()).isEqualTo("3");
        assertThat(few.passed()).isTrue();
    }

    @Test
    void equalsHoldsOnlyOnTheExactCountAsTheIssueWritesIt() {
        ThresholdResult zero = ThresholdEvaluator.evaluate(ThresholdParser.parse("dropped == 0", null), summary());
        ThresholdResult three = ThresholdEvaluator.evaluate(ThresholdParser.parse("dropped == 3", null), summary());

        assertThat(zero.passed()).isFalse();
        assertThat(zero.observedText()).isEqualTo("3");
        assertThat(three.passed()).isTrue();
    }

    @Test
    void droppedIsNeverScopedToARequestAndTakesNoTimeUnit() {
        assertThatThrownBy(() -> ThresholdParser.parse("dropped < 1%", "GET /x"))
                .hasMessageContaining("whole run");
        assertThatThrownBy(() -> ThresholdParser.parse("dropped < 1s", null))
                .hasMessageContaining("a count such as 0 or a percentage such as 1%");
    }
}
