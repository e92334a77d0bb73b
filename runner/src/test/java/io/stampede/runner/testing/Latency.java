package io.stampede.runner.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How long the {@link TargetServer} waits before answering, drawn per request. Units: milliseconds.
 * Threading: immutable.
 */
public sealed interface Latency {

    /** @return the delay for one request, >= 0 */
    long nextDelayMillis(RandomGenerator random);

    static Latency none() {
        return new Fixed(0);
    }

    static Latency fixed(Duration delay) {
        return new Fixed(delay.toMillis());
    }

    /** A weighted mix: {@code Latency.mix().with(85, ofMillis(5)).with(12, ofMillis(50)).with(3, ofMillis(300))}. */
    static Mix mix() {
        return new Mix(List.of());
    }

    record Fixed(long millis) implements Latency {

        public Fixed {
            if (millis < 0) {
                throw new IllegalArgumentException("a delay cannot be negative: " + millis + " ms");
            }
        }

        @Override
        public long nextDelayMillis(RandomGenerator random) {
            return millis;
        }
    }

    /** Picks one of its delays per request, with probability weight / sum of weights. */
    record Mix(List<Choice> choices) implements Latency {

        public record Choice(int weight, long millis) {
        }

        public Mix {
            choices = List.copyOf(choices);
        }

        /** @param weight relative frequency, >= 1 */
        public Mix with(int weight, Duration delay) {
            if (weight < 1 || delay.isNegative()) {
                throw new IllegalArgumentException("need weight >= 1 and a delay >= 0, got " + weight + ", " + delay);
            }
            List<Choice> more = new ArrayList<>(choices);
            more.add(new Choice(weight, delay.toMillis()));
            return new Mix(more);
        }

        @Override
        public long nextDelayMillis(RandomGenerator random) {
            if (choices.isEmpty()) {
                return 0;
            }
            int totalWeight = choices.stream().mapToInt(Choice::weight).sum();
            int pick = random.nextInt(totalWeight);
            for (Choice choice : choices) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.millis();
                }
            }
            throw new AssertionError("unreachable: pick < total weight");
        }
    }
}
