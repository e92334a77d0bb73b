package io.stampede.runner.scenario;

import java.util.List;

/**
 * The test's own steps, around the users (k6's setup/teardown, Locust's test_start/test_stop): run once per test,
 * by the master, never counted in the stats rows.
 *
 * <p>Values: setup step {@code k} extracts into {@code setup.NAME}; every template of the file (users, later setup
 * steps, teardown) reads it as {@code ${setup.NAME}}. In a user class and in teardown these are the last slots of
 * the slot list, in the order of {@link #setupNames}; in setup steps they are all the slots.
 *
 * @param setup         run in order before the first user; the first failure ends the setup
 * @param teardown      run in order after the last user (also after a failed setup); a failed step does not stop
 *                      the next
 * @param setupNames    names that setup extracts (without the {@code setup.} prefix), in first-seen order
 * @param teardownSlots slot names of teardown steps: {@code setup.NAME} for each setup name, then teardown's own
 */
public record Lifecycle(List<StepPlan> setup, List<StepPlan> teardown, List<String> setupNames,
                        List<String> teardownSlots) {

    /** The prefix under which templates read setup values. */
    public static final String PREFIX = "setup.";

    public static final Lifecycle NONE = new Lifecycle(List.of(), List.of(), List.of(), List.of());

    public Lifecycle {
        setup = List.copyOf(setup);
        teardown = List.copyOf(teardown);
        setupNames = List.copyOf(setupNames);
        teardownSlots = List.copyOf(teardownSlots);
    }

    /** {@code setup.NAME} for each setup name, in order: the slot names setup steps write. */
    public List<String> setupSlots() {
        return setupNames.stream().map(name -> PREFIX + name).toList();
    }

    public boolean isEmpty() {
        return setup.isEmpty() && teardown.isEmpty();
    }
}
