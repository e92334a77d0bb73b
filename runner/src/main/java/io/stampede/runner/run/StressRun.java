package io.stampede.runner.run;

import io.stampede.runner.analysis.capacity.StepResult;
import io.stampede.runner.analysis.capacity.StressJudge;
import io.stampede.runner.doc.CapacityDocument;
import io.stampede.runner.load.StressLoadPlan;
import io.stampede.runner.report.CapacitySection;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.stats.IntervalStats;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The stress part of a run on the master, when its plan is a {@link StressLoadPlan}: the judge that sees every
 * merged interval, the plan the master follows (ended by the first broken step), one console line per judged step,
 * and the capacity at the end. For any other plan it does nothing ({@link #NONE}).
 *
 * <p>Threading: {@link #accept} on the master's thread; {@link #finish} after the run, once every interval is in.
 */
final class StressRun {

    static final StressRun NONE = new StressRun(null);

    private final StressJudge judge;

    private StressRun(StressJudge judge) {
        this.judge = judge;
    }

    /** @param quiet no line per step on the console */
    static StressRun of(TestPlan plan, ReportOptions options, boolean quiet) {
        if (!(plan.load() instanceof StressLoadPlan stress)) return NONE;
        return new StressRun(new StressJudge(stress, plan.thresholds(), step -> {
            if (!quiet) options.out().println(StressJudge.line(step, stress.steps()));
        }));
    }

    /** The plan the master follows: the same plan, but one the first broken step ends. */
    TestPlan masterPlan(TestPlan plan) {
        return judge == null ? plan : plan.withLoad(judge.loadPlan());
    }

    /** @param startEpochMillis the run's start, read when an interval arrives (after the start) */
    void accept(IntervalStats interval, LongSupplier startEpochMillis) {
        if (judge != null) judge.accept(interval, startEpochMillis.getAsLong());
    }

    /** The capacity section once every interval is in; null for a run that is not a stress run. */
    CapacityDocument finish(long startEpochMillis, long endEpochMillis) {
        if (judge == null) return null;
        judge.finish(startEpochMillis, endEpochMillis - startEpochMillis);
        return CapacitySection.of(judge.capacity(), judge.steps());
    }

    /** The judged steps, for the CSV; null for a run that is not a stress run. */
    List<StepResult> steps() {
        return judge == null ? null : judge.steps();
    }
}
