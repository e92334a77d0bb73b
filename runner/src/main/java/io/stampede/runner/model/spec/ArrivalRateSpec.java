package io.stampede.runner.model.spec;

import java.time.Duration;
import java.util.List;

/**
 * {@code spec.load.arrivalRate} as written (the open model): either a constant {@code rate} for {@code duration},
 * or {@code stages} that each ramp the rate linearly to their own over their duration (from 0 for the first).
 * The binder has checked it: exactly one of the two forms, every number in range, maxUsers present.
 *
 * @param rate     arrivals per {@code per}, > 0, or null with stages
 * @param per      the unit of every rate, > 0 (default 1s)
 * @param duration how long the constant rate runs, > 0, or null with stages
 * @param stages   empty for the constant form
 * @param maxUsers the most virtual users the arrivals may occupy at once, >= 1
 */
public record ArrivalRateSpec(Double rate, Duration per, Duration duration, List<RateStageSpec> stages,
                              int maxUsers) {

    public ArrivalRateSpec {
        stages = Immutables.list(stages);
    }

    /** One stage: move the rate to {@code rate} (>= 0, arrivals per {@code per}) over {@code duration} (> 0). */
    public record RateStageSpec(Duration duration, double rate) {
    }
}
