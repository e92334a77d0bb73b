package io.stampede.runner.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DidYouMeanTest {

    @Test
    void suggestsTheClosestNameWithinTwoEditsIgnoringCase() {
        assertThat(DidYouMean.hint("usres", List.of("spawnRate", "users", "duration")))
                .isEqualTo(" (did you mean 'users'?)");
        assertThat(DidYouMean.hint("--DURATON", List.of("--users", "--duration")))
                .isEqualTo(" (did you mean '--duration'?)");
    }

    @Test
    void saysNothingWhenEveryNameIsThreeEditsAwayOrMore() {
        assertThat(DidYouMean.hint("xyz", List.of("users", "duration"))).isEmpty();
        assertThat(DidYouMean.hint("usxxx", List.of("users"))).isEmpty();
        assertThat(DidYouMean.hint("users", List.of())).isEmpty();
    }
}
