package io.stampede.runner.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

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
 */
public record ReportOptions(String csvPrefix, Path jsonFile, Path htmlFile, boolean quiet, boolean insecureTls,
                            HostPort web, Duration webLinger, PrintWriter out, PrintWriter err) {

    /** Report files only: no live view. */
    public static ReportOptions files(String csvPrefix, Path jsonFile, Path htmlFile, boolean quiet,
                                      boolean insecureTls, PrintWriter out, PrintWriter err) {
        return new ReportOptions(csvPrefix, jsonFile, htmlFile, quiet, insecureTls, null, null, out, err);
    }

    /** The same, with a live view served at {@code web}. */
    public ReportOptions withWeb(HostPort web, Duration webLinger) {
        return new ReportOptions(csvPrefix, jsonFile, htmlFile, quiet, insecureTls, web, webLinger, out, err);
    }
}
