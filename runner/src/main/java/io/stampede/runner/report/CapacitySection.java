package io.stampede.runner.report;

import io.stampede.runner.analysis.capacity.Capacity;
import io.stampede.runner.analysis.capacity.StepResult;
import io.stampede.runner.doc.CapacityDocument;
import io.stampede.runner.stats.RowSummary;

import java.util.List;

/**
 * A stress run's capacity and its judged steps as the summary's {@code capacity} section ({@link CapacityDocument}
 * shows the JSON). Milliseconds and rates rounded to 3 decimals, the failure rate to 6. Pure.
 */
public final class CapacitySection {

    private CapacitySection() {
    }

    /** @param steps the judged steps, in order, up to the first that broke */
    public static CapacityDocument of(Capacity capacity, List<StepResult> steps) {
        Capacity.Held held = capacity.held();
        Capacity.Broke broke = capacity.broke();
        return new CapacityDocument(
                held == null ? null : new CapacityDocument.Held(held.step(), held.users(), round(held.rps()),
                        round(held.p95Ms())),
                broke == null ? null : new CapacityDocument.Broke(broke.step(), broke.users(), round(broke.rps()),
                        broke.breached()),
                capacity.text(),
                steps.stream().map(CapacitySection::step).toList());
    }

    private static CapacityDocument.Step step(StepResult step) {
        RowSummary total = step.total();
        boolean any = total.requests() > 0;
        return new CapacityDocument.Step(step.step(), step.users(), total.requests(), total.failures(),
                round(total.rps()), any ? round(total.percentiles().at(50)) : null,
                any ? round(total.percentiles().at(95)) : null, any ? round(total.percentiles().at(99)) : null,
                JsonSummaryWriter.round(total.failureRate(), 6), step.held(), step.breached());
    }

    private static double round(double value) {
        return JsonSummaryWriter.round(value, 3);
    }
}
