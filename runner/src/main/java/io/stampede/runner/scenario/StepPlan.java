package io.stampede.runner.scenario;

import java.util.List;

/**
 * One request of a task (or of onStart), how to judge its answer and what to take from it; or a plugin's custom
 * step (then {@code request} is null, {@code expect} the default and there are no extractions).
 */
public record StepPlan(RequestPlan request, ExpectPlan expect, List<Extraction> extractions,
                       PluginStepPlan pluginStep) {

    /** A request step. */
    public StepPlan(RequestPlan request, ExpectPlan expect, List<Extraction> extractions) {
        this(request, expect, extractions, null);
    }

    /** A plugin's custom step. */
    public static StepPlan of(PluginStepPlan pluginStep) {
        return new StepPlan(null, ExpectPlan.DEFAULT, List.of(), pluginStep);
    }

    /** The stats row it is counted in. */
    public int row() {
        return pluginStep != null ? pluginStep.row() : request.row();
    }

    /** Whether the engine must keep the response body and headers (for extraction or checks). */
    public boolean needsBody() {
        return pluginStep == null && (!extractions.isEmpty() || expect.readsResponse());
    }
}
