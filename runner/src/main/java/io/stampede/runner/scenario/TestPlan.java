package io.stampede.runner.scenario;

import io.stampede.runner.load.LoadPlan;
import io.stampede.runner.stats.Threshold;

import java.util.List;

/**
 * Everything a run needs, validated: the output of compiling a LoadTest file (plus command-line overrides).
 *
 * @param scenario          what users do
 * @param load              how many users when
 * @param stopTimeoutMillis at the end of the run, how long in-flight tasks may still run, >= 0; requests still
 *                          open after it are counted as failures {@code interrupted}. Users stopped by a
 *                          ramp-down finish their task (each request bounded by its own timeout).
 * @param thresholds        pass/fail criteria, possibly empty
 * @param workers           worker pods in a cluster (ignored locally), >= 1
 * @param loadNote          the preset used and what a command-line preset replaced in the file ({@code preset
 *                          spike (--preset; it replaces the file's spec.load: users 320)}), for people; null
 *                          without a preset
 * @param lifecycle         setup and teardown steps, run by the master; {@link Lifecycle#NONE} without
 * @param webhooks          spec.notify: webhooks for the run's start, end and breaches, run by the master; possibly empty
 */
public record TestPlan(Scenario scenario, LoadPlan load, long stopTimeoutMillis, List<Threshold> thresholds,
                       int workers, String loadNote, Lifecycle lifecycle, List<NotifyTarget> webhooks) {

    public TestPlan {
        lifecycle = lifecycle == null ? Lifecycle.NONE : lifecycle;
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    }

    public TestPlan(Scenario scenario, LoadPlan load, long stopTimeoutMillis, List<Threshold> thresholds,
                    int workers, String loadNote) {
        this(scenario, load, stopTimeoutMillis, thresholds, workers, loadNote, Lifecycle.NONE, List.of());
    }

    /** This plan with another load plan (a stress run's master plan): lifecycle and notify stay. */
    public TestPlan withLoad(LoadPlan otherLoad) {
        return new TestPlan(scenario, otherLoad, stopTimeoutMillis, thresholds, workers, loadNote, lifecycle, webhooks);
    }

    public TestPlan(Scenario scenario, LoadPlan load, long stopTimeoutMillis, List<Threshold> thresholds,
                    int workers) {
        this(scenario, load, stopTimeoutMillis, thresholds, workers, null);
    }
}
