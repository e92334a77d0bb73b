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
 */
public record TestPlan(Scenario scenario, LoadPlan load, long stopTimeoutMillis, List<Threshold> thresholds,
                       int workers, String loadNote) {

    public TestPlan(Scenario scenario, LoadPlan load, long stopTimeoutMillis, List<Threshold> thresholds,
                    int workers) {
        this(scenario, load, stopTimeoutMillis, thresholds, workers, null);
    }
}
