package io.stampede.operator.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ElapsedTextTest {

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({
            "0,       0s",
            "0.9,     0s",
            "59,      59s",
            "59.99,   59s",
            "60,      1m0s",
            "125,     2m5s",
            "3599,    59m59s",
            "3600,    1h0m0s",
            "3612,    1h0m12s",
            "90061,   25h1m1s",
            "-3,      0s",
    })
    void showsSecondsAsHoursMinutesAndSeconds(double seconds, String text) {
        assertThat(ElapsedText.of(seconds)).isEqualTo(text);
    }
}
