package io.stampede.runner.model.spec;

import java.util.List;

/**
 * One entry of a class's {@code tasks}: written either with {@code request} (and optional task-level expect and
 * extract), held in {@code request}, or with {@code steps}. Exactly one of the two is set.
 *
 * @param name    as written, or null
 * @param weight  >= 1 (default 1)
 * @param request the single step of a task written with {@code request}, or null
 * @param steps   the steps of a task written with {@code steps}, else empty
 * @param waitSpec think time after this task, overriding the class's, or null
 */
public record TaskSpec(String name, int weight, List<String> tags, StepSpec request, List<StepSpec> steps,
                       WaitSpec waitSpec) {

    public TaskSpec {
        tags = Immutables.list(tags);
        steps = Immutables.list(steps);
    }

    /** A task that waits as its class does. */
    public TaskSpec(String name, int weight, List<String> tags, StepSpec request, List<StepSpec> steps) {
        this(name, weight, tags, request, steps, null);
    }
}
