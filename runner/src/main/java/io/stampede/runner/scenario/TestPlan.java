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
 */
public record TestPlan(Scenario scenario, LoadPlan load, long stopTimeoutMillis, List<Threshold> thresholds,
                       int workers) {
}
