package io.stampede.runner.scenario;

import java.util.List;
import java.util.Set;

/** A weighted task: one or more steps run in order. Tasks filtered out by tags are not in the plan. */
public record TaskPlan(String name, int weight, Set<String> tags, List<StepPlan> steps) {
}
