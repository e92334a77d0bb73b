package io.stampede.runner.stats;

import io.stampede.runner.stats.Threshold.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "p95 < 2s          | p95         | LT | 2000",
            "avg < 500ms       | avg         | LT | 500",
            "p99.9 < 1.5s      | p99.9       | LT | 1500",
            "max <= 1m         | max         | LE | 60000",
            "failureRate < 1%  | failureRate | LT | 0.01",
            "failureRate<0.05  | failureRate | LT | 0.05",
            "rps > 50          | rps         | GT | 50",
            "failures <= 0     | failures    | LE | 0",
            "requests >= 1000  | requests    | GE | 1000",
            "p99.99 < 3s       | p99.99      | LT | 3000"})
    void parsesLimitsIntoBaseUnits(String expr, String metric, Comparison op, double limit) {
        Threshold threshold = ThresholdParser.parse(expr, null);
        assertThat(threshold.metric()).isEqualTo(metric);
        assertThat(threshold.op()).isEqualTo(op);
        assertThat(threshold.limit()).isCloseTo(limit, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(threshold.expr()).isEqualTo(expr.strip());
    }

    @Test
    void keepsTheRowItIsScopedTo() {
        Threshold threshold = ThresholdParser.parse("p99 < 1s", "GET /api/products/{id}");
        assertThat(threshold.request()).isEqualTo("GET /api/products/{id}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "p96 < 1s            | unknown metric 'p96'",
            "latency < 1s        | unknown metric 'latency'",
            "p95 != 1s           | unknown operator '!='",
            "p95 2s              | expected an operator",
            "p95 < 2             | needs a time unit (ms, s or m)",
            "p95 < 2h            | unknown time unit 'h'",
            "p95 <               | expected a value",
            "failureRate < 1ms   | failureRate takes a percentage",
            "failureRate < 5     | for percent write 5%",
            "failureRate < 120%  | at most 100%",
            "rps > 50ms          | rps takes a plain number",
            "p95 < -1s           | must not be negative",
            "< 2s                | expected a metric first",
            "p95 < 2s and more   | expected a value"})
    void rejectsBadExpressionsSayingWhatWasExpected(String expr, String fragment) {
        assertThatThrownBy(() -> ThresholdParser.parse(expr, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fragment);
    }
}
