package io.stampede.runner.analysis.capacity;

import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.Threshold;
import io.stampede.runner.stats.ThresholdEvaluator;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges the steps of a stress run ({@code breakOn: thresholds}): each of the file's thresholds over each step
 * alone, with the same evaluator as the run's own thresholds, so {@code p95 < 450ms} means the p95 of that step's
 * requests, {@code rps > 100} that step's requests per judged second, and {@code failures}/{@code requests} that
 * step's counts. Pure.
 */
public final class CapacityEvaluator {

    private CapacityEvaluator() {
    }

    /**
     * @param breakOn the breaking criteria, at least one (a stress run without criteria cannot break: the
     *                validator must refuse it before the run)
     */
    public static StepResult judge(int step, int users, RunSummary stepSummary, List<Threshold> breakOn) {
        if (breakOn.isEmpty()) {
            throw new IllegalArgumentException("a stress step needs at least one breaking criterion");
        }
        return new StepResult(step, users, stepSummary, ThresholdEvaluator.evaluate(breakOn, stepSummary));
    }

    /**
     * The judged steps up to and including the first that broke: what the run keeps, and where it stops.
     *
     * @param judged steps in order, as they were judged
     */
    public static List<StepResult> upToFirstBreak(List<StepResult> judged) {
        List<StepResult> kept = new ArrayList<>();
        for (StepResult step : judged) {
            kept.add(step);
            if (!step.held()) break;
        }
        return kept;
    }
}
