package io.stampede.runner.cluster.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stampede.runner.cluster.master.MasterStatus;
import io.stampede.runner.doc.ReportDocument;
import io.stampede.runner.doc.StatusDocument;
import io.stampede.runner.stats.LiveRow;
import io.stampede.runner.stats.LiveView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * {@code GET /api/v1/status} as a {@link StatusDocument} (its Javadoc shows the JSON): the master's phase, its
 * workers and the live totals. {@code rps} is over the last 10 s; percentiles are over the whole run so far;
 * seconds and milliseconds rounded to 3 decimals. A pure function of its inputs.
 */
public final class StatusJson {

    private StatusJson() {
    }

    /**
     * @param live   null before users started
     * @param result null until the reports are written
     */
    public static StatusDocument document(MasterStatus status, LiveView live, FinalResult result) {
        return document(status, live, result, null);
    }

    /**
     * @param report the final report, parsed (its capacity and story go into the status); null before the end
     */
    public static StatusDocument document(MasterStatus status, LiveView live, FinalResult result,
                                          ReportDocument report) {
        StatusDocument.Workers workers = new StatusDocument.Workers(status.expectedWorkers(),
                status.connectedWorkers(),
                status.lostWorkers().stream().map(lost -> new StatusDocument.LostWorker(lost.worker(),
                        Instant.ofEpochMilli(lost.atEpochMillis()), round(lost.elapsedMillis() / 1000.0),
                        lost.reason(), lost.users())).toList(),
                status.workers().stream().map(worker -> new StatusDocument.Worker(worker.worker(), worker.state(),
                        worker.users(), worker.warning())).toList());
        LiveRow total = live == null ? null : live.aggregate();
        StatusDocument.Progress progress = new StatusDocument.Progress(status.users(),
                round(status.elapsedMillis() / 1000.0),
                total == null ? 0 : total.requests(), total == null ? 0 : total.failures(),
                total == null ? 0 : round(total.currentRps()), total == null ? 0 : round(total.p50Ms()),
                total == null ? 0 : round(total.p95Ms()), total == null ? 0 : round(total.p99Ms()),
                live != null && live.arrivals().any() ? live.arrivals().dropped() : null,
                live != null && live.arrivals().any() ? live.arrivals().late() : null);
        return new StatusDocument(result != null ? result.phase() : status.phase().statusName(),
                status.startEpochMillis() > 0 ? Instant.ofEpochMilli(status.startEpochMillis()) : null,
                result != null ? result.message() : "", workers, progress,
                report == null ? null : report.capacity(), report == null ? null : report.story());
    }

    /** The document as a JSON tree. */
    public static ObjectNode of(MasterStatus status, LiveView live, FinalResult result) {
        return document(status, live, result).toTree();
    }

    private static double round(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue() : 0;
    }
}
