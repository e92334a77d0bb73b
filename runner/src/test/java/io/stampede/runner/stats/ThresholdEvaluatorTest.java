package io.stampede.runner.stats;

import io.stampede.runner.stats.Threshold.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.stampede.runner.stats.Snapshots.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdEvaluatorTest {

    private static final RunSummary SAMPLE = Snapshots.sampleRun();

    /** The sample run's aggregate: 150 requests, 2 failures, 10 s; 90 x 10 ms, 50 x 100 ms, 10 x 1400 ms. */
    @ParameterizedTest(name = "{0} {1} {2} -> {3} ({4})")
    @CsvSource({
            "avg,         LT, 200,    true,  133ms",
            "avg,         GE, 200,    false, 133ms",
            "min,         GE, 10,     true,  10ms",
            "max,         LE, 1000,   false, 1.4s",
            "max,         LE, 1400,   true,  1.4s",
            "p50,         LT, 20,     true,  10ms",
            "p66,         GT, 50,     true,  100ms",
            "p75,         LT, 100,    false, 100ms",
            "p80,         LE, 101,    true,  100ms",
            "p90,         LT, 150,    true,  100ms",
            "p95,         LT, 2000,   true,  1.4s",
            "p98,         GT, 1400,   false, 1.4s",
            "p99,         LT, 1000,   false, 1.4s",
            "p99.9,       GE, 1400,   true,  1.4s",
            "p99.99,      LE, 1400,   true,  1.4s",
            "rps,         GT, 10,     true,  15/s",
            "rps,         GT, 15,     false, 15/s",
            "failureRate, LT, 0.01,   false, 1.33%",
            "failureRate, LT, 0.02,   true,  1.33%",
            "failures,    LE, 2,      true,  2",
            "failures,    LT, 2,      false, 2",
            "requests,    GE, 150,    true,  150",
            "requests,    GT, 150,    false, 150",
    })
    void judgesEveryMetricAndOperatorOnTheAggregate(String metric, Comparison op, double limit, boolean passed,
                                                   String observedText) {
        Threshold threshold = new Threshold(metric + " " + op.symbol() + " " + limit, null, metric, op, limit);

        ThresholdResult result = ThresholdEvaluator.evaluate(threshold, SAMPLE);

        assertThat(result.passed()).isEqualTo(passed);
        assertThat(result.observedText()).isEqualTo(observedText);
    }

    @Test
    void reportsObservedValuesInTheMetricsBaseUnit() {
        assertThat(observed("avg")).isEqualTo((90 * 10 + 10 * 1400 + 50 * 100) / 150.0);
        assertThat(observed("failureRate")).isEqualTo(2 / 150.0);
        assertThat(observed("rps")).isEqualTo(15.0);
        assertThat(observed("requests")).isEqualTo(150.0);
    }

    @Test
    void aScopedThresholdJudgesItsRowOnly() {
        Threshold products = new Threshold("p99 < 1s", "GET /api/products/{id}", "p99", Comparison.LT, 1000);
        Threshold orders = new Threshold("p99 < 1s", "POST /api/orders", "p99", Comparison.LT, 1000);
        Threshold ordersFailures = new Threshold("failures < 1", "POST /api/orders", "failures", Comparison.LT, 1);

        List<ThresholdResult> results = ThresholdEvaluator.evaluate(List.of(products, orders, ordersFailures), SAMPLE);

        assertThat(results).extracting(ThresholdResult::observedText).containsExactly("1.4s", "100ms", "0");
        assertThat(results).extracting(ThresholdResult::passed).containsExactly(false, true, true);
    }

    @Test
    void aThresholdScopedToARowWithoutRequestsFails() {
        Threshold threshold = new Threshold("failures < 1", "GET /api/typo", "failures", Comparison.LT, 1);

        ThresholdResult result = ThresholdEvaluator.evaluate(threshold, SAMPLE);

        assertThat(result.passed()).isFalse();
        assertThat(result.observedText()).isEqualTo("no requests");
        assertThat(result.observed()).isNaN();
    }

    @Test
    void aRunWithoutRequestsFailsLatencyThresholdsButJudgesCounts() {
        RunSummary empty = new StatsAggregator(START).summary("t", START + 1000);
        Threshold p95 = new Threshold("p95 < 2s", null, "p95", Comparison.LT, 2000);
        Threshold requests = new Threshold("requests > 0", null, "requests", Comparison.GT, 0);
        Threshold failures = new Threshold("failures < 1", null, "failures", Comparison.LT, 1);

        List<ThresholdResult> results = ThresholdEvaluator.evaluate(List.of(p95, requests, failures), empty);

        assertThat(results).extracting(ThresholdResult::observedText).containsExactly("no requests", "0", "0");
        assertThat(results).extracting(ThresholdResult::passed).containsExactly(false, false, true);
    }

    @Test
    void messageNamesEachBreachWithItsRowObservedValueAndLimit() {
        List<ThresholdResult> results = ThresholdEvaluator.evaluate(List.of(
                new Threshold("p95 < 2s", null, "p95", Comparison.LT, 2000),
                new Threshold("avg < 500ms", null, "avg", Comparison.LT, 500),
                new Threshold("rps > 10", null, "rps", Comparison.GT, 10),
                new Threshold("p99 < 1s", "GET /api/products/{id}", "p99", Comparison.LT, 1000)), SAMPLE);

        assertThat(ThresholdMessage.of(results))
                .isEqualTo("3 of 4 thresholds passed; p99 of GET /api/products/{id} was 1.4s (limit 1s)");
        assertThat(ThresholdEvaluator.allPassed(results)).isFalse();
    }

    @Test
    void messageListsEveryBreachAndRowsWithoutRequests() {
        List<ThresholdResult> results = ThresholdEvaluator.evaluate(List.of(
                new Threshold("failureRate < 1%", null, "failureRate", Comparison.LT, 0.01),
                new Threshold("p95 < 1s", "GET /api/typo", "p95", Comparison.LT, 1000)), SAMPLE);

        assertThat(ThresholdMessage.of(results)).isEqualTo(
                "0 of 2 thresholds passed; failureRate was 1.33% (limit 1%); p95 of GET /api/typo had no requests");
    }

    @Test
    void messageWhenAllPassOrNoneExist() {
        List<ThresholdResult> results = ThresholdEvaluator.evaluate(List.of(
                new Threshold("p95 < 2s", null, "p95", Comparison.LT, 2000),
                new Threshold("avg < 500ms", null, "avg", Comparison.LT, 500),
                new Threshold("rps > 10", null, "rps", Comparison.GT, 10),
                new Threshold("requests >= 150", null, "requests", Comparison.GE, 150)), SAMPLE);

        assertThat(ThresholdMessage.of(results)).isEqualTo("all 4 thresholds passed");
        assertThat(ThresholdEvaluator.allPassed(results)).isTrue();
        assertThat(ThresholdMessage.of(List.of())).isEqualTo("no thresholds");
    }

    @Test
    void rejectsAnUnknownMetric() {
        Threshold threshold = new Threshold("p42 < 1s", null, "p42", Comparison.LT, 1000);

        assertThatThrownBy(() -> ThresholdEvaluator.evaluate(threshold, SAMPLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p42");
    }

    private static double observed(String metric) {
        return ThresholdEvaluator.evaluate(new Threshold(metric, null, metric, Comparison.LT, 0), SAMPLE).observed();
    }
}
