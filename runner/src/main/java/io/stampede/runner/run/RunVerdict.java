package io.stampede.runner.run;

import io.stampede.runner.doc.CapacityDocument;
import io.stampede.runner.doc.ReportDocument;

/**
 * The verdict of a stress run: a step that broke is a threshold breached at that load, so the run fails (exit 1,
 * {@code Failed} in a cluster) even when the thresholds judged over the whole run happened to hold; one whose every
 * judged step held is judged by the whole run's thresholds, like any run.
 */
final class RunVerdict {

    private RunVerdict() {
    }

    /** @param capacity null for a run that is not a stress run: the document as it is */
    static ReportDocument withCapacity(ReportDocument document, CapacityDocument capacity) {
        if (capacity == null || capacity.broke() == null) return document;
        String message = "capacity: " + capacity.text()
                + (document.passed() ? "" : "; over the whole run: " + document.message());
        return new ReportDocument(document.name(), document.startTime(), document.endTime(),
                document.durationSeconds(), false, message, document.summary(), document.thresholds(),
                document.failures(), document.sections());
    }
}
