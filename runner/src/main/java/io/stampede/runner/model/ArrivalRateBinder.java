package io.stampede.runner.model;

import io.stampede.runner.model.spec.ArrivalRateSpec;
import io.stampede.runner.model.spec.ArrivalRateSpec.RateStageSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds {@code spec.load.arrivalRate}: {@code {rate, per, duration, maxUsers}} or
 * {@code {stages: [{duration, rate}], per, maxUsers}}. Rates are arrivals per {@code per} (default 1s).
 */
final class ArrivalRateBinder {

    private static final List<String> FIELDS = List.of("rate", "per", "duration", "stages", "maxUsers");
    private static final Duration DEFAULT_PER = Duration.ofSeconds(1);
    private static final String EXAMPLE = "{rate: 200, per: 1s, duration: 5m, maxUsers: 500}";

    private ArrivalRateBinder() {
    }

    /** @return the bound spec, or null when something was reported */
    static ArrivalRateSpec bind(Node node) {
        if (!node.checkFields(FIELDS)) {
            return null;
        }
        int before = node.problems().count();
        Node rateNode = node.field("rate");
        Node stagesNode = node.field("stages");
        Node durationNode = node.field("duration");
        Node perNode = node.field("per");
        Node maxUsersNode = node.field("maxUsers");

        Double rate = rateNode.number();
        if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
            rateNode.problem("must be greater than 0 (arrivals per `per`, such as 200), got "
                    + rateNode.json().asText());
        }
        Duration per = perNode.present() ? LoadBinder.positive(perNode) : DEFAULT_PER;
        Duration duration = LoadBinder.positive(durationNode);
        List<RateStageSpec> stages = stagesNode.present() ? stages(stagesNode) : List.of();
        if (rateNode.present() && stagesNode.present()) {
            stagesNode.problem("cannot be combined with rate: either a constant rate (rate and duration) or stages");
        } else if (!rateNode.present() && !stagesNode.present()) {
            rateNode.problem("is required: arrivals per `per` such as " + EXAMPLE + ", or stages such as "
                    + "{stages: [{duration: 1m, rate: 50}], maxUsers: 200}");
        }
        if (rateNode.present()) {
            durationNode.required("how long the rate holds, such as 5m");
        } else if (stagesNode.present() && durationNode.present()) {
            durationNode.problem("cannot be combined with stages: each stage has its own duration");
        }
        Integer maxUsers = null;
        if (maxUsersNode.required("the most virtual users the arrivals may occupy at once, such as 500; an arrival "
                + "that finds them all busy is dropped and counted")) {
            maxUsers = maxUsersNode.integer();
            if (maxUsers != null && maxUsers < 1) {
                maxUsersNode.problem("must be at least 1, got " + maxUsers);
            } else if (maxUsers != null && maxUsers > LoadBinder.MAX_USERS) {
                maxUsersNode.problem(LoadBinder.tooMany(maxUsers));
            }
        }
        if (node.problems().count() > before) {
            return null;
        }
        return new ArrivalRateSpec(rate, per, duration, stages, maxUsers);
    }

    private static List<RateStageSpec> stages(Node node) {
        List<Node> elements = node.list();
        if (node.isEmptyList()) {
            node.problem("expected at least one stage such as {duration: 1m, rate: 50}, got an empty list");
        }
        List<RateStageSpec> stages = new ArrayList<>();
        for (Node element : elements) {
            if (!element.checkFields(List.of("duration", "rate"))) {
                if (!element.present()) {
                    element.problem("expected a stage such as {duration: 1m, rate: 50}");
                }
                continue;
            }
            Node durationNode = element.field("duration");
            Node rateNode = element.field("rate");
            durationNode.required("how long the stage takes to reach its rate, such as 1m");
            rateNode.required("the rate at the end of the stage (arrivals per `per`)");
            Duration duration = LoadBinder.positive(durationNode);
            Double rate = rateNode.number();
            if (rate != null && !(rate >= 0 && Double.isFinite(rate))) {
                rateNode.problem("must not be negative, got " + rateNode.json().asText());
            } else if (duration != null && rate != null) {
                stages.add(new RateStageSpec(duration, rate));
            }
        }
        if (!stages.isEmpty() && stages.size() == elements.size()
                && stages.stream().allMatch(stage -> stage.rate() == 0)) {
            node.problem("no stage has a rate: at least one stage needs a rate above 0");
        }
        return stages;
    }
}
