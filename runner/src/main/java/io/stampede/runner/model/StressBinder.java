package io.stampede.runner.model;

import io.stampede.runner.model.spec.StressSpec;
import io.stampede.runner.model.spec.StressSpec.Steps;

import java.time.Duration;
import java.util.List;

/** Binds {@code spec.load.stress}; absent fields take {@link StressSpec#DEFAULTS}' values. */
final class StressBinder {

    private static final List<String> FIELDS = List.of("users", "rate", "every", "breakOn");
    private static final List<String> STEP_FIELDS = List.of("start", "step", "max");
    static final String RATE_NOT_BUILT = "rate steps are not run yet (a stress run steps users; for a steady "
            + "arrival rate use spec.load.arrivalRate); "
            + "step the users instead, such as users: {start: 50, step: 50, max: 500}";

    private StressBinder() {
    }

    /** @return the stress block, or null when absent or not a map (reported) */
    static StressSpec bind(Node stress) {
        if (!stress.checkFields(FIELDS)) {
            return null;
        }
        Node usersNode = stress.field("users");
        Node rateNode = stress.field("rate");
        Steps users = steps(usersNode, "users");
        Steps rate = steps(rateNode, "arrivals per second");
        if (usersNode.present() && rateNode.present()) {
            rateNode.problem("cannot be combined with users: step either the users (closed model) or the rate "
                    + "(open model)");
        } else if (rateNode.present()) {
            rateNode.problem(RATE_NOT_BUILT);
        }
        Duration every = LoadBinder.positive(stress.field("every"));
        if (every != null && every.toMillis() < 1000) {
            stress.field("every").problem("must be at least 1s (each step is judged over its own seconds), got "
                    + stress.field("every").json().asText());
            every = null;
        }
        String breakOn = stress.field("breakOn").string();
        if (breakOn != null && !breakOn.equals(StressSpec.BREAK_ON_THRESHOLDS)) {
            stress.field("breakOn").problem("expected '" + StressSpec.BREAK_ON_THRESHOLDS + "' (the file's "
                    + "thresholds, each judged over each step alone), got '" + breakOn + "'");
        }
        return new StressSpec(usersNode.present() ? users : StressSpec.DEFAULT_USERS, null,
                every == null ? StressSpec.DEFAULT_EVERY : every, StressSpec.BREAK_ON_THRESHOLDS);
    }

    /** {start, step, max}: all required, start and step at least 1, max at least start; null if absent or bad. */
    private static Steps steps(Node node, String what) {
        if (!node.checkFields(STEP_FIELDS)) {
            return null;
        }
        Integer start = atLeastOne(node.field("start"), "the " + what + " of the first step, such as 50");
        Integer step = atLeastOne(node.field("step"), "the " + what + " added at each step, such as 50");
        Integer max = atLeastOne(node.field("max"), "the " + what + " of the last step, such as 500");
        if (start != null && max != null && max < start) {
            node.field("max").problem("must be at least start (" + start + "), got " + max);
            return null;
        }
        return start == null || step == null || max == null ? null : new Steps(start, step, max);
    }

    private static Integer atLeastOne(Node node, String hint) {
        if (!node.required(hint)) {
            return null;
        }
        Integer value = node.integer();
        if (value != null && value < 1) {
            node.problem("must be at least 1, got " + value);
            return null;
        }
        return value;
    }
}
