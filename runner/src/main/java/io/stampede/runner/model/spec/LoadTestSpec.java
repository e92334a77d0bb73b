package io.stampede.runner.model.spec;

import java.util.List;
import java.util.Map;

/**
 * The spec of a LoadTest, as written. Absent optional values are null (or empty collections).
 *
 * @param target      base URL as written, or null when absent (then {@code --host} must give it)
 * @param workers     worker pods in a cluster, >= 1, or null for the default
 * @param variables   by name, in document order
 * @param userClasses at least one, names unique
 * @param data        named row sources ({@code spec.data}), in document order
 * @param setup       steps run once per test before the first user (on the master); may be empty
 * @param teardown    steps run once per test after the last user, also after a failed setup; may be empty
 * @param webhooks    spec.notify: webhooks that receive the run's summary; may be empty
 */
public record LoadTestSpec(String target, LoadSpec load, Integer workers, TagsSpec tags,
                           Map<String, VariableSpec> variables, DefaultsSpec defaults,
                           List<UserClassSpec> userClasses, List<ThresholdSpec> thresholds,
                           Map<String, DataSpec> data,
                           List<StepSpec> setup, List<StepSpec> teardown, List<NotifySpec> webhooks) {

    public LoadTestSpec(String target, LoadSpec load, Integer workers, TagsSpec tags,
                        Map<String, VariableSpec> variables, DefaultsSpec defaults,
                        List<UserClassSpec> userClasses, List<ThresholdSpec> thresholds) {
        this(target, load, workers, tags, variables, defaults, userClasses, thresholds, Map.of(), List.of(),
                List.of(), List.of());
    }

    public LoadTestSpec {
        load = load == null ? LoadSpec.NONE : load;
        tags = tags == null ? TagsSpec.NONE : tags;
        variables = Immutables.orderedMap(variables);
        defaults = defaults == null ? DefaultsSpec.NONE : defaults;
        userClasses = Immutables.list(userClasses);
        thresholds = Immutables.list(thresholds);
        data = Immutables.orderedMap(data);
        setup = Immutables.list(setup);
        teardown = Immutables.list(teardown);
        webhooks = Immutables.list(webhooks);
    }
}
