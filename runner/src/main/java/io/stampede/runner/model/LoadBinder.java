package io.stampede.runner.model;

import io.stampede.runner.model.spec.ArrivalRateSpec;
import io.stampede.runner.model.spec.LoadSpec;
import io.stampede.runner.model.spec.StageSpec;
import io.stampede.runner.model.spec.StressSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Binds {@code spec.load}. */
public final class LoadBinder {

    private static final List<String> FIELDS =
            List.of("preset", "users", "spawnRate", "duration", "stages", "stress", "stopTimeout", "arrivalRate");
    /** The preset that stands for a stress block with its defaults. */
    public static final String STRESS_PRESET = "stress";
    /**
     * The most users a test may ask for, in total over its workers: each holds a connection, and one address
     * has some 64,000 ports to connect from, so this is already many machines' worth.
     */
    public static final int MAX_USERS = 1_000_000;

    private LoadBinder() {
    }

    static LoadSpec bind(Node load) {
        if (!load.checkFields(FIELDS)) {
            return LoadSpec.NONE;
        }
        String preset = load.field("preset").string();
        Integer users = users(load.field("users"));
        Double spawnRate = spawnRate(load.field("spawnRate"));
        Duration duration = positive(load.field("duration"));
        List<StageSpec> stages = stages(load.field("stages"));
        Duration stopTimeout = load.field("stopTimeout").duration();
        Node stagesNode = load.field("stages");
        if (stagesNode.present() && (load.has("users") || load.has("duration"))) {
            stagesNode.problem("cannot be combined with users or duration: either a constant load (users and "
                    + "duration) or stages");
        }
        if (stagesNode.present() && preset != null) {
            stagesNode.problem("cannot be combined with a preset (a preset sets users and duration): remove one");
        }
        Node stressNode = load.field("stress");
        StressSpec stress = stressNode.present() ? StressBinder.bind(stressNode) : null;
        if (stressNode.present() && preset != null && !preset.equals(STRESS_PRESET)) {
            stressNode.problem("cannot be combined with the preset '" + preset + "': remove one (preset: stress is "
                    + "this block with its defaults)");
        }
        if (stressNode.present() && (load.has("users") || load.has("duration") || stagesNode.present())) {
            Node first = load.has("users") ? load.field("users")
                    : load.has("duration") ? load.field("duration") : stagesNode;
            first.problem("cannot be combined with a stress run: it steps the users itself (load.stress.users) and "
                    + "runs until a step breaks or its last step ends");
        }
        Node arrivalNode = load.field("arrivalRate");
        ArrivalRateSpec arrivalRate = arrivalNode.present() ? ArrivalRateBinder.bind(arrivalNode) : null;
        if (arrivalNode.present()) {
            for (String closed : List.of("preset", "users", "spawnRate", "duration", "stages", "stress")) {
                if (load.has(closed)) {
                    load.field(closed).problem("cannot be combined with arrivalRate: either the closed model "
                            + "(users, spawnRate, duration, stages, a preset, stress) or the open model "
                            + "(arrivalRate with its own rate, duration and maxUsers)");
                }
            }
        }
        if (stress == null && STRESS_PRESET.equals(preset)) {
            stress = StressSpec.DEFAULTS;
        }
        return new LoadSpec(preset, users, spawnRate, duration, stages, stress, stopTimeout, arrivalRate);
    }

    private static Integer users(Node node) {
        Integer users = node.integer();
        if (users != null && users < 1) {
            node.problem("must be at least 1, got " + users);
        } else if (users != null && users > MAX_USERS) {
            node.problem(tooMany(users));
        }
        return users;
    }

    private static Double spawnRate(Node node) {
        Double rate = node.number();
        if (rate != null && !(rate > 0)) {
            node.problem("must be greater than 0 (users started per second), got " + node.json().asText());
        }
        return rate;
    }

    /** The message for more users than {@link #MAX_USERS}. */
    public static String tooMany(long users) {
        return "must be at most " + MAX_USERS + " (the limit), got " + users;
    }

    /** A duration of at least 1 ms, or null. */
    static Duration positive(Node node) {
        Duration duration = node.duration();
        if (duration != null && duration.toMillis() < 1) {
            node.problem("must be at least 1ms, got " + node.json().asText());
            return null;
        }
        return duration;
    }

    private static List<StageSpec> stages(Node node) {
        List<Node> elements = node.list();
        if (node.isEmptyList()) {
            node.problem("expected at least one stage such as {duration: 1m, users: 50}, got an empty list");
        }
        List<StageSpec> stages = new ArrayList<>();
        for (Node element : elements) {
            if (!element.checkFields(List.of("duration", "users"))) {
                if (!element.present()) {
                    element.problem("expected a stage such as {duration: 1m, users: 50}");
                }
                continue;
            }
            Node durationNode = element.field("duration");
            Node usersNode = element.field("users");
            durationNode.required("how long the stage takes to reach its users, such as 1m");
            usersNode.required("the users at the end of the stage");
            Duration duration = positive(durationNode);
            Integer users = usersNode.integer();
            if (users != null && users < 0) {
                usersNode.problem("must not be negative, got " + users);
            } else if (users != null && users > MAX_USERS) {
                usersNode.problem(tooMany(users));
                continue;
            }
            if (duration != null && users != null && users >= 0) {
                stages.add(new StageSpec(duration, users));
            }
        }
        if (!stages.isEmpty() && stages.size() == elements.size()
                && stages.stream().allMatch(stage -> stage.users() == 0)) {
            node.problem("no stage has any users: at least one stage needs users above 0");
        }
        return stages;
    }
}
