package io.stampede.runner.model;

import io.stampede.runner.model.spec.StepSpec;
import io.stampede.runner.model.spec.TaskSpec;
import io.stampede.runner.model.spec.UserClassSpec;
import io.stampede.runner.model.spec.WaitSpec;
import io.stampede.runner.text.DidYouMean;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Binds one entry of {@code spec.userClasses}, its wait and its tasks. */
final class UserClassBinder {

    private static final List<String> FIELDS =
            List.of("name", "weight", "order", "wait", "onStart", "reauthOn", "headers", "tasks", "onStop", "sign");
    static final List<String> ORDERS = List.of("weighted", "sequential");
    private static final List<String> WAIT_KINDS = List.of("between", "constant", "pacing");
    private static final List<String> TASK_FIELDS =
            List.of("name", "weight", "wait", "tags", "request", "expect", "extract", "steps");

    private UserClassBinder() {
    }

    /** @return the class, or null when the entry is not a map at all */
    static UserClassSpec bind(Node userClass) {
        if (!userClass.checkFields(FIELDS)) {
            if (!userClass.present()) {
                userClass.problem("expected a user class such as {name: shopper, tasks: [...]}");
            }
            return null;
        }
        Node nameNode = userClass.field("name");
        nameNode.required("such as shopper");
        String name = nameNode.string();
        if (name != null && name.isBlank()) {
            nameNode.problem("expected a name such as shopper, got an empty text");
        }
        List<StepSpec> onStart = steps(userClass.field("onStart"), false);
        List<Integer> reauthOn = reauthOn(userClass.field("reauthOn"), !onStart.isEmpty());
        boolean sequential = sequential(userClass.field("order"));
        Node tasks = userClass.field("tasks");
        if (sequential) {
            for (Node task : tasks.list()) {
                if (task.has("weight")) {
                    task.field("weight").problem("a task has no weight when its class has order: sequential (its "
                            + "tasks run in written order, then again); remove it, or remove order: sequential");
                }
            }
        }
        return new UserClassSpec(name, weight(userClass.field("weight")), waitSpec(userClass.field("wait")),
                onStart, reauthOn, StepBinder.headers(userClass.field("headers")), tasks(tasks),
                steps(userClass.field("onStop"), false), sequential, StepBinder.sign(userClass.field("sign")));
    }

    /** {@code order}: weighted (the default: tasks drawn by weight) or sequential (in written order, looping). */
    private static boolean sequential(Node order) {
        String text = order.string();
        if (text != null && !ORDERS.contains(text)) {
            order.problem("expected one of " + String.join(", ", ORDERS) + " (sequential: tasks in written order, "
                    + "then again, like Locust's SequentialTaskSet), got '" + text + "'"
                    + DidYouMean.hint(text, ORDERS));
        }
        return "sequential".equals(text);
    }

    /** A weight: >= 1, default 1. */
    static int weight(Node node) {
        Integer weight = node.integer();
        if (weight != null && weight < 1) {
            node.problem("must be at least 1, got " + weight);
        }
        return weight == null || weight < 1 ? 1 : weight;
    }

    private static WaitSpec waitSpec(Node wait) {
        if (!wait.checkFields(WAIT_KINDS)) {
            return null;
        }
        List<String> kinds = WAIT_KINDS.stream().filter(wait::has).toList();
        if (kinds.size() != 1) {
            wait.problem("expected exactly one of {between: [1s, 3s]}, {constant: 500ms} or {pacing: 10s}, got "
                    + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
            return null;
        }
        Node node = wait.field(kinds.get(0));
        return switch (kinds.get(0)) {
            case "between" -> between(node);
            case "constant" -> {
                Duration constant = node.duration();
                yield constant == null ? null : new WaitSpec.Constant(constant);
            }
            default -> {
                Duration period = LoadBinder.positive(node);
                yield period == null ? null : new WaitSpec.Pacing(period);
            }
        };
    }

    private static WaitSpec between(Node node) {
        List<Node> bounds = node.list();
        if (node.present() && node.json().isArray() && bounds.size() != 2) {
            node.problem("expected two durations [min, max] such as [1s, 3s], got " + bounds.size() + " values");
            return null;
        }
        if (bounds.size() != 2) {
            return null;
        }
        Duration min = bounds.get(0).duration();
        Duration max = bounds.get(1).duration();
        if (min == null || max == null) {
            return null;
        }
        if (min.compareTo(max) > 0) {
            node.problem("the minimum " + Durations.format(min) + " is greater than the maximum "
                    + Durations.format(max));
            return null;
        }
        return new WaitSpec.Between(min, max);
    }

    private static List<Integer> reauthOn(Node node, boolean hasOnStart) {
        List<Integer> statuses = new ArrayList<>();
        for (Node element : node.list()) {
            Integer status = element.integer();
            if (status != null && (status < 400 || status > 599)) {
                element.problem("expected a status 400..599 that means the login expired, such as 401, got "
                        + status);
            } else if (status != null) {
                statuses.add(status);
            }
        }
        if (node.present() && !hasOnStart) {
            node.problem("needs onStart steps: on these statuses the user runs onStart again to log in anew");
        }
        return statuses;
    }

    private static List<TaskSpec> tasks(Node node) {
        if (!node.required("at least one task")) {
            return List.of();
        }
        List<Node> elements = node.list();
        if (node.isEmptyList()) {
            node.problem("expected at least one task, got an empty list");
        }
        List<TaskSpec> tasks = new ArrayList<>();
        for (Node element : elements) {
            TaskSpec task = task(element);
            if (task != null) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    private static TaskSpec task(Node task) {
        if (!task.checkFields(TASK_FIELDS)) {
            if (!task.present()) {
                task.problem("expected a task such as {name: home, request: {method: GET, path: /}}");
            }
            return null;
        }
        Node nameNode = task.field("name");
        String name = nameNode.string();
        if (name != null && name.isBlank()) {
            nameNode.problem("expected a name, got an empty text");
        }
        int weight = weight(task.field("weight"));
        List<String> tags = task.field("tags").stringList();
        boolean hasRequest = task.has("request");
        boolean hasSteps = task.has("steps");
        if (hasRequest == hasSteps) {
            task.problem(hasRequest
                    ? "has both request and steps: a task is either one request or a list of steps"
                    : "needs a request, or steps (a list of requests run in order)");
            return null;
        }
        if (hasSteps) {
            for (String stepField : List.of("expect", "extract")) {
                if (task.has(stepField)) {
                    task.field(stepField).problem("belongs in each step when a task has steps");
                }
            }
            List<StepSpec> steps = steps(task.field("steps"), true);
            return new TaskSpec(name, weight, tags, null, steps, waitSpec(task.field("wait")));
        }
        StepSpec single = StepBinder.step(task);
        return single == null ? null
                : new TaskSpec(name, weight, tags, single, List.of(), waitSpec(task.field("wait")));
    }

    /** A list of steps (onStart, onStop, a task's steps, spec.setup, spec.teardown). */
    static List<StepSpec> steps(Node node, boolean required) {
        List<Node> elements = node.list();
        if (required && node.isEmptyList()) {
            node.problem("expected at least one step, got an empty list");
        }
        List<StepSpec> steps = new ArrayList<>();
        for (Node element : elements) {
            if (!element.checkFields(StepBinder.STEP_FIELDS)) {
                if (!element.present()) {
                    element.problem("expected a step such as {request: {method: GET, path: /}}");
                }
                continue;
            }
            StepSpec step = element.has("step") ? PluginUseBinder.step(element) : StepBinder.step(element);
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }
}
