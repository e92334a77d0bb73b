package io.stampede.runner.stats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HumanFormatTest {

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({
            "0,         0ms",
            "0.35,      0.35ms",
            "4.23,      4.2ms",
            "5,         5ms",
            "9.96,      10ms",
            "812.4,     812ms",
            "999.6,     1s",
            "1000,      1s",
            "1400,      1.4s",
            "59940,     59.9s",
            "59960,     1m",
            "123000,    2m3s",
            "3600000,   1h",
            "5400000,   1h30m",
            "3605000,   1h5s",
    })
    void formatsDurations(double ms, String text) {
        assertThat(HumanFormat.millis(ms)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, 0%", "0.0035, 0.35%", "0.01, 1%", "0.013333, 1.33%", "1, 100%", "0.00001, <0.01%"})
    void formatsFractionsAsPercentages(double fraction, String text) {
        assertThat(HumanFormat.percent(fraction)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}/s -> {1}")
    @CsvSource({"52.34, 52.3/s", "50, 50/s", "0.5, 0.5/s", "0.054, 0.05/s", "0, 0/s"})
    void formatsRates(double perSecond, String text) {
        assertThat(HumanFormat.rate(perSecond)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"p95, 812, 812ms", "avg, 1400, 1.4s", "failureRate, 0.0035, 0.35%", "rps, 52.3, 52.3/s",
            "requests, 1234, 1234", "failures, 0, 0"})
    void formatsEachMetricInItsUnit(String metric, double value, String text) {
        assertThat(HumanFormat.metric(metric, value)).isEqualTo(text);
    }
}
