package io.stampede.runner.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms, 500", "30s, 30000", "2m, 120000", "1h, 3600000", "1h30m, 5400000",
            "1m30s250ms, 90250", "1.5s, 1500", "0s, 0", "' 10s ', 10000"})
    void parsesDurationsWithUnits(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void rejectsAPlainNumberBecauseItsUnitIsAmbiguous() {
        assertThatThrownBy(() -> Durations.parse("30"))
                .hasMessageContaining("expected a duration such as 500ms, 30s, 2m or 1h30m")
                .hasMessageContaining("without a unit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "10 s", "5d", "1s1h", "1m1m", "-5s", "s"})
    void rejectsMalformedDurations(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a duration such as 500ms, 30s, 2m or 1h30m");
    }

    @ParameterizedTest
    @CsvSource({"5400000, 1h30m", "120000, 2m", "1500, 1s500ms", "0, 0s", "250, 250ms"})
    void formatsTheWayFilesWriteDurations(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }
}
