package io.stampede.runner.scenario;

import java.util.List;
import java.util.Set;

/**
 * A weighted task: one or more steps run in order. Tasks filtered out by tags are not in the plan.
 *
 * @param waitPlan think time after this task, overriding the class's; null to wait as the class does
 */
public record TaskPlan(String name, int weight, Set<String> tags, List<StepPlan> steps, WaitPlan waitPlan) {

    /** A task that waits as its class does. */
    public TaskPlan(String name, int weight, Set<String> tags, List<StepPlan> steps) {
        this(name, weight, tags, steps, null);
    }
}
