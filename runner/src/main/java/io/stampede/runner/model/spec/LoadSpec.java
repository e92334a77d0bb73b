package io.stampede.runner.model.spec;

import java.time.Duration;
import java.util.List;

/**
 * {@code spec.load} as written; every field may be absent (null). Either users/duration or stages, never both;
 * stages never with a preset (a preset sets users and duration).
 *
 * @param preset      a preset name as written (checked by the compiler), or null
 * @param users       >= 1, or null
 * @param spawnRate   users started or stopped per second, > 0, or null
 * @param duration    > 0, or null
 * @param stages      empty when absent
 * @param stress      stress to the breaking point, or null; never with users, duration or stages. The binder sets it
 *                    to {@link StressSpec#DEFAULTS} for {@code preset: stress} without a stress block.
 * @param stopTimeout >= 0, or null
 * @param arrivalRate the open model, or null; never with preset, users, spawnRate, duration, stages or stress
 */
public record LoadSpec(String preset, Integer users, Double spawnRate, Duration duration, List<StageSpec> stages,
                       StressSpec stress, Duration stopTimeout, ArrivalRateSpec arrivalRate) {

    public static final LoadSpec NONE = new LoadSpec(null, null, null, null, List.of(), null, null, null);

    public LoadSpec {
        stages = Immutables.list(stages);
    }
}
