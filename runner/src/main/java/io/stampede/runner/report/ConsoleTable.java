package io.stampede.runner.report;

import io.stampede.runner.stats.FailureCount;
import io.stampede.runner.stats.HumanFormat;
import io.stampede.runner.stats.LiveRow;
import io.stampede.runner.stats.ArrivalCounts;
import io.stampede.runner.stats.LiveView;
import io.stampede.runner.stats.RowSummary;
import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.ThresholdMessage;
import io.stampede.runner.stats.ThresholdResult;

import java.util.List;
import java.util.Locale;

/**
 * Aligned text tables for a terminal of {@value #WIDTH} columns: the live view (printed every 2 s while a run
 * goes) and the final summary with threshold verdicts and the most frequent failures. Latencies in ms; names
 * longer than their column end in an ellipsis. Pure: returns the text, lines ended by '\n'.
 */
public final class ConsoleTable {

    public static final int WIDTH = 120;
    static final int TOP_FAILURES = 10;
    private static final int NAME_WIDTH = 36;
    private static final String ROW_FORMAT = "%-" + NAME_WIDTH + "s%9s%17s%9s%8s%8s%8s%8s%8s%8s%n";
    private static final String THRESHOLD_FORMAT = "  %-4s  %-30s  %-36s  %10s  limit %s%n";
    private static final String FAILURE_FORMAT = "  %8d  %-36s  %s%n";

    private ConsoleTable() {
    }

    public static String live(LiveView view) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "users %d, elapsed %s (latencies in ms)%n", view.users(),
                HumanFormat.millis(view.elapsedMillis())));
        text.append(header("cur RPS"));
        view.rows().forEach(row -> text.append(liveRow(row)));
        text.append(rule());
        text.append(liveRow(view.aggregate()));
        if (view.arrivals().any()) text.append(arrivalsLine(view.arrivals())).append('\n');
        return text.toString();
    }

    /** {@code arrivals: 3000 scheduled, 2990 started, 10 dropped (0.33%), 0 late}: the open model's. */
    public static String arrivalsLine(ArrivalCounts arrivals) {
        return String.format(Locale.ROOT, "arrivals: %d scheduled, %d started, %d dropped (%s), %d late",
                arrivals.scheduled(), arrivals.started(), arrivals.dropped(),
                HumanFormat.percent(arrivals.droppedRate()), arrivals.late());
    }

    public static String summary(RunSummary summary, List<ThresholdResult> thresholds) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s finished after %s, peak %d users (latencies in ms)%n",
                summary.name(), HumanFormat.millis(summary.durationSeconds() * 1000), summary.usersPeak()));
        text.append(header("RPS"));
        summary.rows().forEach(row -> text.append(summaryRow(row)));
        text.append(rule());
        text.append(summaryRow(summary.total()));
        if (summary.arrivals().any()) text.append(arrivalsLine(summary.arrivals())).append('\n');
        text.append(String.format("%nThresholds: %s%n", ThresholdMessage.of(thresholds)));
        thresholds.forEach(result -> text.append(thresholdLine(result)));
        if (!summary.failures().isEmpty()) {
            List<FailureCount> failures = summary.failures();
            text.append(String.format(Locale.ROOT, "%nFailures by cause (top %d of %d):%n",
                    Math.min(TOP_FAILURES, failures.size()), failures.size()));
            failures.stream().limit(TOP_FAILURES).forEach(failure -> text.append(failureLine(failure)));
        }
        return text.toString();
    }

    private static String header(String rpsTitle) {
        return String.format(Locale.ROOT, ROW_FORMAT, "Name", "reqs", "fails", rpsTitle,
                "p50", "p95", "p99", "avg", "min", "max") + rule();
    }

    private static String rule() {
        return "-".repeat(NAME_WIDTH + 9 + 17 + 9 + 6 * 8) + "\n";
    }

    private static String liveRow(LiveRow row) {
        boolean none = row.requests() == 0;
        return String.format(Locale.ROOT, ROW_FORMAT, truncate(row.name(), NAME_WIDTH - 1), row.requests(),
                failures(row.failures(), row.failureRate()), rate(row.currentRps()),
                ms(row.p50Ms(), none), ms(row.p95Ms(), none), ms(row.p99Ms(), none),
                ms(row.avgMs(), none), ms(row.minMs(), none), ms(row.maxMs(), none));
    }

    private static String summaryRow(RowSummary row) {
        boolean none = row.requests() == 0;
        return String.format(Locale.ROOT, ROW_FORMAT, truncate(row.name(), NAME_WIDTH - 1), row.requests(),
                failures(row.failures(), row.failureRate()), rate(row.rps()),
                ms(row.percentiles().at(50), none), ms(row.percentiles().at(95), none),
                ms(row.percentiles().at(99), none), ms(row.avgMs(), none), ms(row.minMs(), none),
                ms(row.maxMs(), none));
    }

    private static String thresholdLine(ThresholdResult result) {
        String scope = result.threshold().request() == null ? RowSummary.AGGREGATED : result.threshold().request();
        return String.format(Locale.ROOT, THRESHOLD_FORMAT, result.passed() ? "PASS" : "FAIL",
                truncate(result.threshold().expr(), 30), truncate(scope, 36), result.observedText(),
                result.threshold().op().symbol() + " " + result.limitText());
    }

    private static String failureLine(FailureCount failure) {
        int causeWidth = WIDTH - 2 - 8 - 2 - 36 - 2;
        return String.format(Locale.ROOT, FAILURE_FORMAT, failure.occurrences(), truncate(failure.request(), 36),
                truncate(failure.cause().replaceAll("\\s+", " "), causeWidth));
    }

    private static String failures(long count, double rate) {
        return count + " (" + HumanFormat.percent(rate) + ")";
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** Whole ms from 10 ms up, one decimal below (local targets answer in under a millisecond). */
    private static String ms(double ms, boolean noRequests) {
        if (noRequests) {
            return "-";
        }
        return ms < 9.95 ? String.format(Locale.ROOT, "%.1f", ms) : Long.toString(Math.round(ms));
    }

    /** The text, cut to at most width characters, the last being an ellipsis when cut. */
    static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
