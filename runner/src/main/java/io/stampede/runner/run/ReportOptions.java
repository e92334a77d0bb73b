package io.stampede.runner.run;

import io.stampede.runner.report.CsvReports;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run writes and prints besides its exit code.
 *
 * @param csvPrefix   write PREFIX_stats.csv, PREFIX_stats_history.csv and PREFIX_failures.csv; null for none
 * @param jsonFile    write the JSON summary here; null for none
 * @param quiet       no live table every 2 s (the final table and verdict are still printed)
 * @param insecureTls accept any TLS certificate
 */
public record ReportOptions(String csvPrefix, Path jsonFile, boolean quiet, boolean insecureTls, PrintWriter out,
                            PrintWriter err) {

    /** The flag that asks for the CSV reports. */
    public static final String CSV_FLAG = "--csv";
    /** The flag that asks for the JSON summary. */
    public static final String JSON_FLAG = "--json";

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
        return files;
    }
}
