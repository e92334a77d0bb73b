package io.stampede.runner.scenario;

import io.stampede.plugin.CustomStep;

/**
 * A plugin's custom step, compiled: the engine starts it on the user's event loop, waits for its stage at most
 * {@code timeoutMillis}, and counts it in its row like a request.
 *
 * @param name          the extension's name, for causes ({@code plugin NAME: ...})
 * @param step          what the plugin's {@code create} returned
 * @param settings      its {@code with:} values
 * @param timeoutMillis > 0
 * @param timeoutText   the timeout as written (or defaulted), for the cause {@code did not finish within 2s}
 * @param row           index of its stats row in {@link Scenario#rows()}
 */
public record PluginStepPlan(String name, CustomStep.Step step, PluginSettings settings, long timeoutMillis,
                             String timeoutText, int row) {
}
