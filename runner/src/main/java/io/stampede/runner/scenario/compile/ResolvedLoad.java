package io.stampede.runner.scenario.compile;

import io.stampede.runner.load.LoadPlan;
import io.stampede.runner.scenario.WaitPlan;

/**
 * The load after presets and overrides were applied.
 *
 * @param plan              users over time
 * @param waitOverride      the wait every user class gets (from a preset), or null to keep each class's
 * @param stopTimeoutMillis >= 0
 * @param overrideNote      the preset used, and what a command-line preset replaced in the file, for the
 *                          banner; null without a preset
 */
record ResolvedLoad(LoadPlan plan, WaitPlan waitOverride, long stopTimeoutMillis, String overrideNote) {
}
