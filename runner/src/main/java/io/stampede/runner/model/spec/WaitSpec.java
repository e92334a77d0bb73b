package io.stampede.runner.model.spec;

import java.time.Duration;

/** A user class's think time: exactly one of between, constant or pacing. */
public sealed interface WaitSpec {

    /** Uniformly random in [min, max], min <= max. */
    record Between(Duration min, Duration max) implements WaitSpec {
    }

    record Constant(Duration delay) implements WaitSpec {
    }

    /** One task start per period. */
    record Pacing(Duration period) implements WaitSpec {
    }
}
