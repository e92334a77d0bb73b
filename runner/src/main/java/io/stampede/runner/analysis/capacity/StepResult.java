package io.stampede.runner.analysis.capacity;

import io.stampede.runner.stats.RowSummary;
import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.ThresholdResult;

import java.util.List;

/**
 * One judged step of a stress run: its figures over its own judged seconds and the verdict of each breaking
 * criterion on them.
 *
 * @param step    1-based
 * @param users   the step's users
 * @param summary the step's own merged stats ({@code StepStats.summary})
 * @param results each breaking criterion judged over the step alone
 */
public record StepResult(int step, int users, RunSummary summary, List<ThresholdResult> results) {

    public StepResult {
        results = List.copyOf(results);
    }

    /** Every criterion passed. */
    public boolean held() {
        return results.stream().allMatch(ThresholdResult::passed);
    }

    public RowSummary total() {
        return summary.total();
    }

    /** {@code p95 < 450ms: 820ms} for each breached criterion, a row-scoped one naming its row. */
    public List<String> breached() {
        return results.stream().filter(result -> !result.passed())
                .map(result -> result.threshold().expr()
                        + (result.threshold().request() == null ? "" : " (" + result.threshold().request() + ")")
                        + ": " + result.observedText())
                .toList();
    }
}
