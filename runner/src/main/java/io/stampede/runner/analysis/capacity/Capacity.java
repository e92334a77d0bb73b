package io.stampede.runner.analysis.capacity;

import io.stampede.runner.stats.ThresholdResult;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A stress run's result, the contract's {@code capacity}: the highest step that held, the first that broke, and
 * the sentence users read, e.g. {@code holds 350 users / 117 RPS with p95 < 450ms; broke at 400 users (p95 820ms)}.
 *
 * @param held  the highest step that held; null when the first step broke or none was judged
 * @param broke the first step that broke; null when none broke
 * @param text  the sentence
 */
public record Capacity(Held held, Broke broke, String text) {

    /** @param p95Ms the step's p95 in ms; rps its requests per judged second */
    public record Held(int step, int users, double rps, double p95Ms) {
    }

    /** @param breached each breached criterion with its observed value: {@code p95 < 450ms: 820ms} */
    public record Broke(int step, int users, double rps, List<String> breached) {

        public Broke {
            breached = List.copyOf(breached);
        }
    }

    /**
     * The capacity from the steps judged so far, in order; steps after the first that broke are ignored.
     *
     * @param plannedSteps how many steps the plan has, to tell "held to the last step" from "ended before"
     */
    public static Capacity of(List<StepResult> judged, int plannedSteps) {
        List<StepResult> steps = CapacityEvaluator.upToFirstBreak(judged);
        if (steps.isEmpty()) {
            return new Capacity(null, null, "no step was judged: the run ended during the first step");
        }
        StepResult last = steps.get(steps.size() - 1);
        StepResult lastHeld = last.held() ? last : steps.size() > 1 ? steps.get(steps.size() - 2) : null;
        Held held = lastHeld == null ? null : new Held(lastHeld.step(), lastHeld.users(), lastHeld.total().rps(),
                lastHeld.total().percentiles().at(95));
        Broke broke = last.held() ? null
                : new Broke(last.step(), last.users(), last.total().rps(), last.breached());
        return new Capacity(held, broke, text(lastHeld, last.held() ? null : last, plannedSteps));
    }

    private static String text(StepResult held, StepResult broke, int plannedSteps) {
        if (broke == null) {
            return held.step() >= plannedSteps
                    ? "held up to " + held.users() + " users, the last step"
                    : "held up to " + held.users() + " users (step " + held.step() + " of " + plannedSteps
                    + "); the run ended before the next step was judged";
        }
        String brokeText = "broke at " + broke.users() + " users (" + observed(broke) + ")";
        if (held == null) {
            return brokeText + ", the first step: no step held";
        }
        return "holds " + held.users() + " users / " + Math.round(held.total().rps()) + " RPS with "
                + criteria(held) + "; " + brokeText;
    }

    /** The criteria as written: {@code p95 < 450ms, failureRate < 1%}. */
    private static String criteria(StepResult step) {
        return step.results().stream().map(result -> result.threshold().expr()
                        + (result.threshold().request() == null ? "" : " of " + result.threshold().request()))
                .collect(Collectors.joining(", "));
    }

    /** What broke, as measured: {@code p95 820ms}, {@code p99 of GET /x 1.4s}. */
    private static String observed(StepResult step) {
        return step.results().stream().filter(result -> !result.passed())
                .map(Capacity::observed)
                .collect(Collectors.joining(", "));
    }

    private static String observed(ThresholdResult result) {
        String subject = result.threshold().metric()
                + (result.threshold().request() == null ? "" : " of " + result.threshold().request());
        return subject + " " + (result.hadNoRequests() ? ThresholdResult.NO_REQUESTS : result.observedText());
    }
}
