package io.stampede.runner.model;

import io.stampede.runner.model.spec.DefaultsSpec;
import io.stampede.runner.model.spec.LoadTestSpec;
import io.stampede.runner.model.spec.TagsSpec;
import io.stampede.runner.model.spec.ThresholdSpec;
import io.stampede.runner.model.spec.UserClassSpec;
import io.stampede.runner.model.spec.VariableSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds {@code spec} and its small sections (target, workers, tags, variables, defaults, thresholds). */
final class SpecBinder {

    private static final List<String> FIELDS = List.of("target", "load", "workers", "tags", "variables", "defaults",
            "userClasses", "thresholds", "data", "setup", "teardown", "notify");
    /** Pod settings for a cluster: the operator's to check (see LoadTestParser). */
    static final List<String> CLUSTER_FIELDS = List.of("env", "image", "resources", "nodeSelector", "tolerations",
            "affinity", "imagePullSecrets", "serviceAccountName", "ttlSecondsAfterFinished", "master", "workerPods",
            "dataFrom");

    private SpecBinder() {
    }

    static LoadTestSpec bind(Node spec) {
        spec.checkFields(FIELDS, CLUSTER_FIELDS);
        return new LoadTestSpec(
                target(spec.field("target")),
                LoadBinder.bind(spec.field("load")),
                workers(spec.field("workers")),
                tags(spec.field("tags")),
                variables(spec.field("variables")),
                defaults(spec.field("defaults")),
                userClasses(spec.field("userClasses")),
                thresholds(spec.field("thresholds")),
                DataBinder.bind(spec.field("data")),
                UserClassBinder.steps(spec.field("setup"), false),
                UserClassBinder.steps(spec.field("teardown"), false),
                NotifyBinder.bind(spec.field("notify")));
    }

    private static String target(Node node) {
        String target = node.string();
        if (target != null) {
            try {
                TargetUrl.parse(target);
            } catch (IllegalArgumentException e) {
                node.problem(e.getMessage());
            }
        }
        return target;
    }

    private static Integer workers(Node node) {
        Integer workers = node.integer();
        if (workers != null && workers < 1) {
            node.problem("must be at least 1 (worker pods in a cluster), got " + workers);
        }
        return workers;
    }

    private static TagsSpec tags(Node node) {
        if (!node.checkFields(List.of("include", "exclude"))) {
            return TagsSpec.NONE;
        }
        return new TagsSpec(node.field("include").stringList(), node.field("exclude").stringList());
    }

    private static Map<String, VariableSpec> variables(Node node) {
        Map<String, VariableSpec> variables = new LinkedHashMap<>();
        node.entries().forEach((name, value) -> {
            if (!FieldNames.isIdentifier(name)) {
                value.problem("a variable name is a letter or '_' followed by letters, digits or '_', got '"
                        + name + "'");
            }
            VariableSpec variable = variable(value);
            if (variable != null) {
                variables.put(name, variable);
            }
        });
        return variables;
    }

    private static VariableSpec variable(Node value) {
        if (!value.required("text, or {fromEnv: NAME}")) {
            return null;
        }
        if (value.json().isValueNode()) {
            return new VariableSpec.Literal(value.scalarText());
        }
        if (!value.json().isObject()) {
            value.problem("expected text or {fromEnv: NAME}, got " + Node.describe(value.json()));
            return null;
        }
        value.checkFields(List.of("fromEnv"));
        Node fromEnv = value.field("fromEnv");
        if (!fromEnv.required("the environment variable to read, such as {fromEnv: SHOP_PASSWORD}")) {
            return null;
        }
        String name = fromEnv.string();
        if (name != null && name.isBlank()) {
            fromEnv.problem("expected the name of an environment variable, got an empty text");
            return null;
        }
        return name == null ? null : new VariableSpec.FromEnv(name);
    }

    private static DefaultsSpec defaults(Node node) {
        if (!node.checkFields(List.of("headers", "timeout", "cookies", "followRedirects", "sign"))) {
            return DefaultsSpec.NONE;
        }
        return new DefaultsSpec(StepBinder.headers(node.field("headers")),
                StepBinder.timeout(node.field("timeout")), node.field("cookies").bool(),
                BodyBinder.followRedirects(node.field("followRedirects")), StepBinder.sign(node.field("sign")));
    }

    private static List<UserClassSpec> userClasses(Node node) {
        if (!node.required("at least one user class with tasks")) {
            return List.of();
        }
        List<Node> elements = node.list();
        if (node.isEmptyList()) {
            node.problem("expected at least one user class, got an empty list");
        }
        List<UserClassSpec> classes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node element : elements) {
            UserClassSpec userClass = UserClassBinder.bind(element);
            if (userClass == null) {
                continue;
            }
            if (userClass.name() != null && !names.add(userClass.name())) {
                element.field("name").problem("duplicate user class name '" + userClass.name()
                        + "'; each class needs its own name");
            }
            classes.add(userClass);
        }
        return classes;
    }

    private static List<ThresholdSpec> thresholds(Node node) {
        List<ThresholdSpec> thresholds = new ArrayList<>();
        for (Node element : node.list()) {
            if (!element.checkFields(List.of("expr", "request"))) {
                continue;
            }
            Node expr = element.field("expr");
            expr.required("such as 'p95 < 2s'");
            Node request = element.field("request");
            String row = request.string();
            if (row != null && row.isBlank()) {
                request.problem("expected a stats row such as 'GET /api/products', got an empty text");
            }
            thresholds.add(new ThresholdSpec(expr.string(), row));
        }
        return thresholds;
    }
}
