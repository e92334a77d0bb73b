package io.stampede.runner.run;

import io.stampede.runner.load.ArrivalRatePlan;
import io.stampede.runner.load.LoadPlan;
import io.stampede.runner.load.StressLoadPlan;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.stats.HumanFormat;

/** The line printed when a run starts: what runs against what, for how long. */
public final class RunBanner {

    private RunBanner() {
    }

    static String of(TestPlan plan) {
        return "Running " + plan.scenario().name() + " against " + plan.scenario().target() + ": " + loadText(plan)
                + ". Ctrl-C stops early and still writes the reports.";
    }

    /**
     * {@code up to 10 users (spawn rate 2/s) for 2m}; a stress run: {@code stress: 50 users, +50 every 1m up to 500
     * (10 steps, spawn rate 10/s), until a step breaks a threshold}.
     */
    public static String loadText(TestPlan plan) {
        LoadPlan load = plan.load();
        if (load instanceof ArrivalRatePlan arrivals) {
            return arrivals.totalArrivals() + " arrivals, up to " + trim(Math.round(arrivals.peakRatePerSecond() * 100)
                    / 100.0) + "/s (open model, at most " + arrivals.maxUsers() + " users) for "
                    + HumanFormat.millis(load.durationMillis());
        }
        String rate = Double.isInfinite(load.spawnRatePerSecond()) ? "all at once"
                : "spawn rate " + trim(load.spawnRatePerSecond()) + "/s";
        if (load instanceof StressLoadPlan stress) {
            return "stress: " + stress.startUsers() + " users, +" + stress.stepUsers() + " every "
                    + HumanFormat.millis(stress.everyMillis()) + " up to " + stress.maxUsers() + " (" + stress.steps()
                    + " steps, " + rate + "), until a step breaks a threshold";
        }
        return "up to " + load.peakUsers() + " users (" + rate + ") for " + HumanFormat.millis(load.durationMillis());
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
