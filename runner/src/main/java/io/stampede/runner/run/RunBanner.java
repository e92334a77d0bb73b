package io.stampede.runner.run;

import io.stampede.runner.load.ArrivalRatePlan;
import io.stampede.runner.load.ConstantLoadPlan;
import io.stampede.runner.load.LoadPlan;
import io.stampede.runner.load.Stage;
import io.stampede.runner.load.StagedLoadPlan;
import io.stampede.runner.load.StressLoadPlan;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.stats.HumanFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a run will do, as the run's banner and {@code stampede validate} print it: the load as it will truly move
 * (how fast users start, one line per stage), and the preset behind it.
 */
public final class RunBanner {

    private RunBanner() {
    }

    /** The lines printed when a run starts. */
    static String of(TestPlan plan) {
        StringBuilder text = new StringBuilder("Running " + plan.scenario().name() + " against "
                + plan.scenario().target() + ": " + loadText(plan) + ". Ctrl-C stops early and still writes the "
                + "reports.");
        for (String line : detailLines(plan)) {
            text.append(System.lineSeparator()).append("  ").append(line);
        }
        return text.toString();
    }

    /**
     * One line: {@code 10 users, started at 2/s (all running after 5s), for 2m}, or the stages' summary; an open
     * run: its arrivals and peak rate; a stress run: {@code stress: 50 users, +50 every 1m up to 500 (10 steps,
     * spawn rate 10/s), until a step breaks a threshold}.
     */
    public static String loadText(TestPlan plan) {
        LoadPlan load = plan.load();
        if (load instanceof ArrivalRatePlan arrivals) {
            return arrivals.totalArrivals() + " arrivals, up to " + trim(Math.round(arrivals.peakRatePerSecond() * 100)
                    / 100.0) + "/s (open model, at most " + arrivals.maxUsers() + " users) for "
                    + HumanFormat.millis(load.durationMillis());
        }
        if (load instanceof StressLoadPlan stress) {
            String pace = Double.isInfinite(load.spawnRatePerSecond()) ? "all at once"
                    : "spawn rate " + trim(load.spawnRatePerSecond()) + "/s";
            return "stress: " + stress.startUsers() + " users, +" + stress.stepUsers() + " every "
                    + HumanFormat.millis(stress.everyMillis()) + " up to " + stress.maxUsers() + " (" + stress.steps()
                    + " steps, " + pace + "), until a step breaks a threshold";
        }
        if (load instanceof StagedLoadPlan staged) {
            int count = staged.stages().size();
            return count + (count == 1 ? " stage" : " stages") + " over " + HumanFormat.millis(staged.durationMillis())
                    + ", up to " + users(staged.peakUsers());
        }
        String duration = HumanFormat.millis(load.durationMillis());
        if (load instanceof ConstantLoadPlan constant && !Double.isInfinite(constant.spawnRatePerSecond())) {
            double rampMillis = constant.users() * 1000.0 / constant.spawnRatePerSecond();
            return users(constant.users()) + ", started at " + rate(constant.spawnRatePerSecond())
                    + " (all running after " + HumanFormat.millis(rampMillis) + "), for " + duration;
        }
        if (load instanceof ConstantLoadPlan constant) {
            return users(constant.users()) + ", all started at once, for " + duration;
        }
        return "up to " + users(load.peakUsers()) + " for " + duration;
    }

    /** The lines under {@link #loadText}: each stage (users at what pace), then the preset. */
    public static List<String> detailLines(TestPlan plan) {
        List<String> lines = new ArrayList<>();
        if (plan.load() instanceof StagedLoadPlan staged) {
            int from = 0;
            for (int i = 0; i < staged.stages().size(); i++) {
                Stage stage = staged.stages().get(i);
                lines.add("stage " + (i + 1) + ", " + HumanFormat.millis(stage.durationMillis()) + ": "
                        + stageText(from, stage, staged.spawnRatePerSecond()));
                from = stage.users();
            }
        }
        if (plan.loadNote() != null) lines.add(plan.loadNote());
        return lines;
    }

    /** {@code 0 to 320 users at 4 users/s}, {@code 320 users}, or the ramp capped by the spawn rate. */
    static String stageText(int from, Stage stage, double spawnRatePerSecond) {
        if (from == stage.users()) {
            return "holds " + users(stage.users());
        }
        int change = Math.abs(stage.users() - from);
        double linePerSecond = change * 1000.0 / stage.durationMillis();
        String move = from + " to " + users(stage.users());
        if (linePerSecond <= spawnRatePerSecond) {
            return move + " at " + rate(linePerSecond);
        }
        long byTheEnd = Math.round(spawnRatePerSecond * stage.durationMillis() / 1000.0);
        long reached = stage.users() > from ? from + byTheEnd : from - byTheEnd;
        return move + " at " + rate(spawnRatePerSecond) + ", the spawn rate, slower than the stage's "
                + rate(linePerSecond) + ": about " + reached + " by its end";
    }

    private static String users(int count) {
        return count + (count == 1 ? " user" : " users");
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** {@code 4 users/s}, {@code 2.5 users/s}, {@code 0.33 users/s}. */
    private static String rate(double perSecond) {
        String number = perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond)
                : String.format(Locale.ROOT, perSecond < 1 ? "%.2f" : "%.1f", perSecond);
        return number + " users/s";
    }
}
