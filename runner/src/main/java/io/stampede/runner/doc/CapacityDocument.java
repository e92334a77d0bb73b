package io.stampede.runner.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A stress run's {@code capacity} section of the run's summary ({@link ReportDocument#capacity()}), the contract's
 * {@code status.capacity} plus the judged steps:
 * <pre>
 * {"held":  {"step": 7, "users": 350, "rps": 117.2, "p95Ms": 431} (null when no step held),
 *  "broke": {"step": 8, "users": 400, "rps": 118.0, "breached": ["p95 < 450ms: 820ms"]} (null when none broke),
 *  "text":  "holds 350 users / 117 RPS with p95 < 450ms; broke at 400 users (p95 820ms)",
 *  "steps": [{"step", "users", "requests", "failures", "rps", "p50Ms", "p95Ms", "p99Ms", "failureRate",
 *             "result": "held|broke", "breached": [...]}]}
 * </pre>
 * Each step's figures are over its judged seconds only; milliseconds and rates have 3 decimals, failureRate is a
 * fraction 0..1; percentiles are null for a step without requests.
 */
public record CapacityDocument(Held held, Broke broke, String text, List<Step> steps) {

    public static final String SECTION = "capacity";

    public CapacityDocument {
        steps = List.copyOf(steps);
    }

    /** The highest step that held. */
    public record Held(int step, int users, double rps, double p95Ms) {
    }

    /** The first step that broke, with each breached criterion and its observed value. */
    public record Broke(int step, int users, double rps, List<String> breached) {

        public Broke {
            breached = List.copyOf(breached);
        }
    }

    /** @param p50Ms null without requests (likewise p95Ms, p99Ms) */
    public record Step(int step, int users, long requests, long failures, double rps, Double p50Ms, Double p95Ms,
                       Double p99Ms, double failureRate, boolean held, List<String> breached) {

        public Step {
            breached = List.copyOf(breached);
        }
    }

    public ObjectNode toTree() {
        ObjectNode root = Fields.object();
        if (held == null) {
            root.putNull("held");
        } else {
            root.putObject("held").put("step", held.step()).put("users", held.users()).put("rps", held.rps())
                    .put("p95Ms", held.p95Ms());
        }
        if (broke == null) {
            root.putNull("broke");
        } else {
            ObjectNode node = root.putObject("broke").put("step", broke.step()).put("users", broke.users())
                    .put("rps", broke.rps());
            node.set("breached", texts(broke.breached()));
        }
        root.put("text", text);
        root.set("steps", Fields.array(steps, step -> {
            ObjectNode node = Fields.object().put("step", step.step()).put("users", step.users())
                    .put("requests", step.requests()).put("failures", step.failures()).put("rps", step.rps())
                    .put("p50Ms", step.p50Ms()).put("p95Ms", step.p95Ms()).put("p99Ms", step.p99Ms())
                    .put("failureRate", step.failureRate()).put("result", step.held() ? "held" : "broke");
            node.set("breached", texts(step.breached()));
            return node;
        }));
        return root;
    }

    /** @throws DocumentException naming the first field that is missing or of the wrong type */
    public static CapacityDocument fromTree(JsonNode tree) {
        Fields root = Fields.of(tree, SECTION);
        Fields held = root.optionalObject("held");
        Fields broke = root.optionalObject("broke");
        return new CapacityDocument(
                held == null ? null : new Held(held.count("step"), held.count("users"), held.number("rps"),
                        held.number("p95Ms")),
                broke == null ? null : new Broke(broke.count("step"), broke.count("users"), broke.number("rps"),
                        broke.texts("breached")),
                root.text("text"),
                root.optionalList("steps", step -> new Step(step.count("step"), step.count("users"),
                        step.whole("requests"), step.whole("failures"), step.number("rps"),
                        step.optionalDouble("p50Ms"), step.optionalDouble("p95Ms"), step.optionalDouble("p99Ms"),
                        step.number("failureRate"), result(step), step.texts("breached"))));
    }

    private static boolean result(Fields step) {
        String result = step.text("result");
        if (!result.equals("held") && !result.equals("broke")) {
            throw new DocumentException(step.path("result") + ": expected held or broke, got \"" + result + "\"");
        }
        return result.equals("held");
    }

    private static ArrayNode texts(List<String> texts) {
        return Fields.array(texts, text -> Fields.object().textNode(text));
    }
}
