package io.stampede.runner.scenario;

import java.util.List;

/** One request of a task (or of onStart), how to judge its answer and what to take from it. */
public record StepPlan(RequestPlan request, ExpectPlan expect, List<Extraction> extractions) {

    /** Whether the engine must keep the response body and headers (for extraction or checks). */
    public boolean needsBody() {
        return !extractions.isEmpty() || expect.readsResponse();
    }
}
