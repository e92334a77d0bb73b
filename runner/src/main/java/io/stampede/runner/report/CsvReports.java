package io.stampede.runner.report;

import io.stampede.runner.stats.FailureCount;
import io.stampede.runner.stats.HistorySecond;
import io.stampede.runner.stats.LatencyPercentiles;
import io.stampede.runner.stats.RowSummary;
import io.stampede.runner.stats.RunSummary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locust 2.x compatible CSV files: {@code PREFIX_stats.csv}, {@code PREFIX_stats_history.csv},
 * {@code PREFIX_failures.csv}, with exactly Locust's headers, so tools that read Locust's CSVs read these.
 *
 * <p>Values, compared with what Locust 2.x prints (checked against Locust 2.12's {@code StatsCSV}):
 * <ul>
 *   <li>Rows sorted by name, then method; then the aggregate with an empty Type and the Name {@code Aggregated}.
 *   <li>Median and percentile columns: integers, like Locust, rounded to the nearest millisecond. Locust's own
 *       values are coarser (it buckets latencies to 2 significant digits above 100 ms); ours come from an
 *       HdrHistogram with 3 significant digits. {@code N/A} when the row has no requests, as in Locust.
 *   <li>Average, min, max, average content size, Requests/s and Failures/s: 2 decimals (Locust prints Python's
 *       full float repr there; 2 decimals read better and parse the same).
 *   <li>stats_history: Requests/s and Failures/s with 6 decimals, as Locust's {@code f"{x:2f}"} prints them.
 *   <li>Records end in CRLF and are quoted only when needed, as Python's {@code csv} module writes them.
 *   <li>_failures.csv: Error is the failure's cause; sorted by occurrences, most frequent first.
 * </ul>
 * stats_history lines are written by {@link StatsHistoryCsvWriter}; see it for what each line holds.
 */
public final class CsvReports {

    public static final String STATS_HEADER = "Type,Name,Request Count,Failure Count,Median Response Time,"
            + "Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,"
            + "Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%";
    public static final String FAILURES_HEADER = "Method,Name,Error,Occurrences";

    private CsvReports() {
    }

    public static Path statsPath(String prefix) {
        return Path.of(prefix + "_stats.csv");
    }

    public static Path historyPath(String prefix) {
        return Path.of(prefix + "_stats_history.csv");
    }

    public static Path failuresPath(String prefix) {
        return Path.of(prefix + "_failures.csv");
    }

    /**
     * Writes all three files at the end of a run, creating missing parent folders.
     *
     * @param fullHistory false (Locust's default): only the Aggregated line per second in the history;
     *                    true (Locust's {@code --csv-full-history}): a line per row too
     */
    public static void writeAll(String prefix, RunSummary summary, List<HistorySecond> history,
                                boolean fullHistory) throws IOException {
        writeStatsAndFailures(prefix, summary);
        try (StatsHistoryCsvWriter writer = StatsHistoryCsvWriter.open(historyPath(prefix), fullHistory,
                summary.arrivals().any())) {
            for (HistorySecond second : history) {
                writer.append(second);
            }
        }
    }

    /** Writes _stats.csv and _failures.csv; for a run whose history was streamed by StatsHistoryCsvWriter. */
    public static void writeStatsAndFailures(String prefix, RunSummary summary) throws IOException {
        write(statsPath(prefix), statsCsv(summary));
        write(failuresPath(prefix), failuresCsv(summary));
    }

    static String statsCsv(RunSummary summary) {
        StringBuilder csv = new StringBuilder(STATS_HEADER).append(CsvLine.END);
        summary.rows().forEach(row -> csv.append(CsvLine.of(statsFields(row))));
        return csv.append(CsvLine.of(statsFields(summary.total()))).toString();
    }

    static String failuresCsv(RunSummary summary) {
        StringBuilder csv = new StringBuilder(FAILURES_HEADER).append(CsvLine.END);
        for (FailureCount failure : summary.failures()) {
            csv.append(CsvLine.of(List.of(failure.row().method(), failure.row().name(), failure.cause(),
                    Long.toString(failure.occurrences()))));
        }
        return csv.toString();
    }

    private static List<String> statsFields(RowSummary row) {
        List<String> fields = new ArrayList<>(List.of(row.method(), row.rowName(),
                Long.toString(row.requests()), Long.toString(row.failures()),
                CsvLine.wholeMillis(row.medianMs()), CsvLine.decimal(row.avgMs()), CsvLine.decimal(row.minMs()),
                CsvLine.decimal(row.maxMs()), CsvLine.decimal(row.avgContentBytes()), CsvLine.decimal(row.rps()),
                CsvLine.decimal(row.failuresPerSecond())));
        fields.addAll(percentileFields(row.percentiles(), row.requests()));
        return fields;
    }

    /** The 50%..100% columns: whole ms, or N/A for a row that has had no requests (as Locust). */
    static List<String> percentileFields(LatencyPercentiles percentiles, long requests) {
        return percentiles.ms().stream().map(ms -> requests == 0 ? "N/A" : CsvLine.wholeMillis(ms)).toList();
    }

    private static void write(Path path, String content) throws IOException {
        createParent(path);
        Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    public static void createParent(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
