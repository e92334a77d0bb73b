package io.stampede.runner.testing;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyTest {

    @Test
    void picksEachDelayOfAMixInProportionToItsWeight() {
        Latency mix = Latency.mix().with(85, ofMillis(5)).with(12, ofMillis(50)).with(3, ofMillis(300));
        SplittableRandom random = new SplittableRandom(42);
        int draws = 100_000;

        Map<Long, Long> counts = LongStream.range(0, draws).map(i -> mix.nextDelayMillis(random)).boxed()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(counts).containsOnlyKeys(5L, 50L, 300L);
        assertThat(counts.get(5L) / (double) draws).isCloseTo(0.85, within(0.01));
        assertThat(counts.get(50L) / (double) draws).isCloseTo(0.12, within(0.01));
        assertThat(counts.get(300L) / (double) draws).isCloseTo(0.03, within(0.005));
    }

    @Test
    void aFixedLatencyAlwaysGivesItsDelay() {
        assertThat(Latency.fixed(ofMillis(7)).nextDelayMillis(new SplittableRandom(1))).isEqualTo(7);
    }
}
