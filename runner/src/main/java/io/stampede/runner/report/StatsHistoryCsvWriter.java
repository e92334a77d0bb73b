package io.stampede.runner.report;

import io.stampede.runner.stats.HistoryRow;
import io.stampede.runner.stats.HistorySecond;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends {@code PREFIX_stats_history.csv} lines, one batch per completed second, as Locust does while it runs.
 * Streaming keeps the whole history of runs longer than what the aggregator keeps in memory.
 *
 * <p>Each line: Timestamp = the interval's end in unix seconds; User Count at its end; Requests/s, Failures/s and
 * the percentiles over the last up to 10 seconds (Locust's window); the Total columns cumulative.
 * By default only the Aggregated line is written, as Locust does; {@code fullHistory} adds a line per row first,
 * as {@code --csv-full-history} does. Percentiles: Locust's default Aggregated line shows cumulative percentiles
 * and its full history shows the 10 s window; here every line shows the window (the cumulative median is in
 * Total Median Response Time), so the file tells how latency moved over the run.
 *
 * <p>Open model: two columns follow Locust's, {@code Dropped/s} and {@code Late/s}, the arrivals dropped (no free
 * user) and started late in that one second, on the Aggregated line (empty on per-row lines).
 *
 * <p>Threading: one thread at a time.
 */
public final class StatsHistoryCsvWriter implements Closeable {

    public static final String HEADER = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,"
            + "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,"
            + "Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,"
            + "Total Min Response Time,Total Max Response Time,Total Average Content Size";
    /** Appended to {@link #HEADER} for an open-model run. */
    public static final String ARRIVAL_COLUMNS = ",Dropped/s,Late/s";

    private final Writer out;
    private final boolean fullHistory;
    private final boolean openModel;

    private StatsHistoryCsvWriter(Writer out, boolean fullHistory, boolean openModel) {
        this.out = out;
        this.fullHistory = fullHistory;
        this.openModel = openModel;
    }

    /** Creates (or truncates) the file, creating missing parent folders, and writes the header. */
    public static StatsHistoryCsvWriter open(Path path, boolean fullHistory) throws IOException {
        return open(path, fullHistory, false);
    }

    /** @param openModel add the arrival columns (an open-model run) */
    public static StatsHistoryCsvWriter open(Path path, boolean fullHistory, boolean openModel) throws IOException {
        CsvReports.createParent(path);
        Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        out.write(HEADER + (openModel ? ARRIVAL_COLUMNS : "") + CsvLine.END);
        out.flush();
        return new StatsHistoryCsvWriter(out, fullHistory, openModel);
    }

    /** Writes the second's lines and flushes them, so the file is readable while the run goes on. */
    public void append(HistorySecond second) throws IOException {
        out.write(lines(second, fullHistory, openModel));
        out.flush();
    }

    static String lines(HistorySecond second, boolean fullHistory) {
        return lines(second, fullHistory, false);
    }

    static String lines(HistorySecond second, boolean fullHistory, boolean openModel) {
        StringBuilder lines = new StringBuilder();
        if (fullHistory) {
            second.rows().forEach(row -> {
                List<String> fields = fields(second, row);
                if (openModel) fields.addAll(List.of("", ""));
                lines.append(CsvLine.of(fields));
            });
        }
        List<String> aggregate = fields(second, second.aggregate());
        if (openModel) {
            aggregate.addAll(List.of(Long.toString(second.arrivals().dropped()),
                    Long.toString(second.arrivals().late())));
        }
        return lines.append(CsvLine.of(aggregate)).toString();
    }

    private static List<String> fields(HistorySecond second, HistoryRow row) {
        List<String> fields = new ArrayList<>(List.of(Long.toString(Math.floorDiv(second.endEpochMillis(), 1000)),
                Integer.toString(second.users()), row.method(), row.rowName(), CsvLine.rate6(row.rps()),
                CsvLine.rate6(row.failuresPerSecond())));
        fields.addAll(CsvReports.percentileFields(row.windowPercentiles(), row.totalRequests()));
        fields.addAll(List.of(Long.toString(row.totalRequests()), Long.toString(row.totalFailures()),
                CsvLine.wholeMillis(row.totalMedianMs()), CsvLine.decimal(row.totalAvgMs()),
                CsvLine.decimal(row.totalMinMs()), CsvLine.decimal(row.totalMaxMs()),
                CsvLine.decimal(row.totalAvgContentBytes())));
        return fields;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
