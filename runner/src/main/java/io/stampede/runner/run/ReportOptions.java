package io.stampede.runner.run;

import io.stampede.runner.report.CsvReports;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run writes and prints besides its exit code.
 *
 * @param csvPrefix   write PREFIX_stats.csv, PREFIX_stats_history.csv and PREFIX_failures.csv; null for none
 * @param jsonFile    write the JSON summary here; null for none
 * @param htmlFile    write the self-contained HTML report here; null for none
 * @param quiet       no live table every 2 s (the final table and verdict are still printed)
 * @param insecureTls accept any TLS certificate
 * @param web         serve the live view here while the run goes ({@code stampede run --web}); null for none
 * @param webLinger   how long the live view stays up after the run; null: until Ctrl-C
 * @param failOnErrors exit code 1 when any request failed, thresholds or not ({@value #FAIL_ON_ERRORS_FLAG}, as
 *                     Locust exits 1 on any failure)
 * @param csvFullHistory the CSV history has a line per row and second besides the Aggregated one
 *                       ({@value #CSV_FULL_HISTORY_FLAG}, Locust's flag)
 * @param events      write the run's events as JSON lines ({@code --events}); null for none
 */
public record ReportOptions(String csvPrefix, Path jsonFile, Path htmlFile, boolean quiet, boolean insecureTls,
                            HostPort web, Duration webLinger, PrintWriter out, PrintWriter err,
                            boolean failOnErrors, boolean csvFullHistory, EventsOptions events) {

    /** The flag that asks for the CSV reports. */
    public static final String CSV_FLAG = "--csv";
    /** The flag that asks for the JSON summary. */
    public static final String JSON_FLAG = "--json";
    /** The flag that asks for the HTML report. */
    public static final String HTML_FLAG = "--html";
    /** The flag that makes any failed request fail the run. */
    public static final String FAIL_ON_ERRORS_FLAG = "--fail-on-errors";
    /** The flag that adds every row's lines to the CSV history. */
    public static final String CSV_FULL_HISTORY_FLAG = "--csv-full-history";

    /** Report files only: no live view. */
    public static ReportOptions files(String csvPrefix, Path jsonFile, Path htmlFile, boolean quiet,
                                      boolean insecureTls, PrintWriter out, PrintWriter err) {
        return new ReportOptions(csvPrefix, jsonFile, htmlFile, quiet, insecureTls, null, null, out, err, false,
                false, null);
    }

    /** The same, with a live view served at {@code web}. */
    public ReportOptions withWeb(HostPort web, Duration webLinger) {
        return new ReportOptions(csvPrefix, jsonFile, htmlFile, quiet, insecureTls, web, webLinger, out, err,
                failOnErrors, csvFullHistory, events);
    }

    /** The same, failing the run (exit 1) when any request failed. */
    public ReportOptions withFailOnErrors(boolean fail) {
        return new ReportOptions(csvPrefix, jsonFile, htmlFile, quiet, insecureTls, web, webLinger, out, err, fail,
                csvFullHistory, events);
    }

    /** The same, with (or without) a line per row and second in the CSV history. */
    public ReportOptions withCsvFullHistory(boolean full) {
        return new ReportOptions(csvPrefix, jsonFile, htmlFile, quiet, insecureTls, web, webLinger, out, err,
                failOnErrors, full, events);
    }

    /** The same, writing the run's events ({@code --events}); null for none. */
    public ReportOptions withEvents(EventsOptions eventsOptions) {
        return new ReportOptions(csvPrefix, jsonFile, htmlFile, quiet, insecureTls, web, webLinger, out, err,
                failOnErrors, csvFullHistory, eventsOptions);
    }

    /**
     * Every file the run will write at its end, with the flag that asked for it, in the order they are written. A new
     * report format adds its files here, and {@link ReportFiles} checks them before the run like the others.
     */
    public List<ReportFile> files() {
        List<ReportFile> files = new ArrayList<>();
        if (csvPrefix != null) {
            for (Path path : List.of(CsvReports.statsPath(csvPrefix), CsvReports.historyPath(csvPrefix),
                    CsvReports.failuresPath(csvPrefix))) {
                files.add(new ReportFile(CSV_FLAG, csvPrefix, path));
            }
        }
        if (jsonFile != null) files.add(new ReportFile(JSON_FLAG, jsonFile.toString(), jsonFile));
        if (htmlFile != null) files.add(new ReportFile(HTML_FLAG, htmlFile.toString(), htmlFile));
        if (events != null) files.add(new ReportFile(EventsOptions.FLAG, events.file().toString(), events.file()));
        return files;
    }
}
