package io.stampede.runner.model.spec;

import java.util.List;
import java.util.Map;

/**
 * One entry of {@code spec.userClasses}.
 *
 * @param weight   >= 1 (default 1)
 * @param waitSpec think time, or null for none
 * @param reauthOn statuses 400..599; only with onStart steps
 * @param headers  header templates by name, in document order
 * @param tasks    at least one
 * @param onStop   steps run once when the user is stopped (Locust's on_stop), possibly empty
 * @param sequential {@code order: sequential}: tasks run in written order, then again (tasks have no weights)
 * @param sign     the request signer of this class's requests (replacing spec.defaults'), or null
 */
public record UserClassSpec(String name, int weight, WaitSpec waitSpec, List<StepSpec> onStart, List<Integer> reauthOn,
                            Map<String, String> headers, List<TaskSpec> tasks, List<StepSpec> onStop,
                            boolean sequential, PluginUseSpec sign) {

    public UserClassSpec {
        onStart = Immutables.list(onStart);
        onStop = Immutables.list(onStop);
        reauthOn = Immutables.list(reauthOn);
        headers = Immutables.orderedMap(headers);
        tasks = Immutables.list(tasks);
    }

    /** A class without its own signer. */
    public UserClassSpec(String name, int weight, WaitSpec waitSpec, List<StepSpec> onStart, List<Integer> reauthOn,
                         Map<String, String> headers, List<TaskSpec> tasks, List<StepSpec> onStop,
                         boolean sequential) {
        this(name, weight, waitSpec, onStart, reauthOn, headers, tasks, onStop, sequential, null);
    }

    /** A class whose tasks are picked by weight. */
    public UserClassSpec(String name, int weight, WaitSpec waitSpec, List<StepSpec> onStart, List<Integer> reauthOn,
                         Map<String, String> headers, List<TaskSpec> tasks, List<StepSpec> onStop) {
        this(name, weight, waitSpec, onStart, reauthOn, headers, tasks, onStop, false);
    }
}
