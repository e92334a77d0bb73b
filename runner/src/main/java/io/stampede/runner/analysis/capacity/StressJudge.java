package io.stampede.runner.analysis.capacity;

import io.stampede.runner.load.LoadPlan;
import io.stampede.runner.load.StoppableLoadPlan;
import io.stampede.runner.load.StressLoadPlan;
import io.stampede.runner.stats.HumanFormat;
import io.stampede.runner.stats.IntervalStats;
import io.stampede.runner.stats.StepStats;
import io.stampede.runner.stats.Threshold;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Judges a stress run's steps while it runs, from the merged one-second intervals, and ends the run at the first
 * step that breaks. Each step is judged over its judged seconds alone ({@link StressLoadPlan#judgedFromMillis}: its
 * first seconds after the change of users are left out), on the merge of those seconds' histograms, by every
 * breaking criterion ({@link CapacityEvaluator}).
 *
 * <p>When: a step is judged as soon as an interval of a later step arrives (intervals complete in order, so all of
 * the step's seconds are in), or at the end of the run ({@link #finish}) for a step that ended with it. A snapshot
 * that arrives for a step already judged still counts in the run's totals, not in the step's verdict. A step the
 * run did not reach the end of (stopped by Ctrl-C) is not judged.
 *
 * <p>Stopping: a broken step ends the plan ({@link StoppableLoadPlan#endAt}) at once; whatever follows the plan
 * stops the users, lets in-flight requests finish within the stop timeout, and writes every report.
 *
 * <p>Threading: {@link #accept} and {@link #finish} on the thread that merges intervals (the master's); the
 * others from any thread. All are synchronized.
 */
public final class StressJudge {

    private final StressLoadPlan plan;
    private final StoppableLoadPlan stoppable;
    private final List<Threshold> breakOn;
    private final Consumer<StepResult> onJudged;
    private final StepStats stepStats = new StepStats();
    private final List<StepResult> judged = new ArrayList<>();
    private int nextStep = 1;

    /**
     * @param breakOn  the breaking criteria, at least one
     * @param onJudged sees each step as it is judged (e.g. a console line), on the judging thread
     */
    public StressJudge(StressLoadPlan plan, List<Threshold> breakOn, Consumer<StepResult> onJudged) {
        if (breakOn.isEmpty()) {
            throw new IllegalArgumentException("a stress run needs at least one breaking criterion");
        }
        this.plan = plan;
        this.stoppable = new StoppableLoadPlan(plan);
        this.breakOn = List.copyOf(breakOn);
        this.onJudged = onJudged;
    }

    /** The plan the run must follow: the stress plan, ended early by the first step that breaks. */
    public LoadPlan loadPlan() {
        return stoppable;
    }

    /**
     * Takes one merged interval (or a late snapshot) of the run.
     *
     * @param startEpochMillis the run's start (of interval 0)
     */
    public synchronized void accept(IntervalStats interval, long startEpochMillis) {
        int step = plan.judgedStepOfInterval(interval.intervalId());
        if (step >= nextStep && !broke()) {
            stepStats.accept(step, interval);
        }
        long intervalStartMillis = interval.intervalId() * 1000;
        while (!broke() && nextStep <= plan.steps() && plan.stepEndMillis(nextStep) <= intervalStartMillis) {
            judgeNext(startEpochMillis);
        }
    }

    /**
     * The run is over and every interval is in: judges the steps that ended by then.
     *
     * @param endElapsedMillis how long the run went, from its start
     */
    public synchronized void finish(long startEpochMillis, long endElapsedMillis) {
        while (!broke() && nextStep <= plan.steps() && plan.stepEndMillis(nextStep) <= endElapsedMillis) {
            judgeNext(startEpochMillis);
        }
    }

    /** The steps judged so far, in order, up to the first that broke. */
    public synchronized List<StepResult> steps() {
        return List.copyOf(judged);
    }

    /** The capacity from the steps judged so far. */
    public synchronized Capacity capacity() {
        return Capacity.of(judged, plan.steps());
    }

    private boolean broke() {
        return !judged.isEmpty() && !judged.get(judged.size() - 1).held();
    }

    private void judgeNext(long startEpochMillis) {
        int step = nextStep++;
        long fromMillis = (plan.judgedFromMillis(step) + 999) / 1000 * 1000;
        long toMillis = plan.stepEndMillis(step) / 1000 * 1000;
        StepResult result = CapacityEvaluator.judge(step, plan.usersOfStep(step),
                stepStats.summary(step, plan.usersOfStep(step), startEpochMillis + fromMillis,
                        startEpochMillis + Math.max(fromMillis, toMillis)), breakOn);
        judged.add(result);
        if (!result.held()) {
            stoppable.endAt(plan.stepEndMillis(step), "step " + step + " (" + result.users() + " users) broke: "
                    + String.join(", ", result.breached()));
        }
        onJudged.accept(result);
    }

    /** One line for the console: {@code step 3 of 10, 150 users: held (p95 41ms, 1950/s)}. */
    public static String line(StepResult step, int plannedSteps) {
        return "Step " + step.step() + " of " + plannedSteps + ", " + step.users() + " users: "
                + (step.held() ? "held" : "BROKE (" + String.join(", ", step.breached()) + ")") + " - p95 "
                + (step.total().requests() == 0 ? "n/a" : HumanFormat.millis(step.total().percentiles().at(95)))
                + ", " + HumanFormat.rate(step.total().rps()) + ", " + HumanFormat.percent(step.total().failureRate())
                + " failed";
    }

    /** How many steps the plan has. */
    public int plannedSteps() {
        return plan.steps();
    }
}
