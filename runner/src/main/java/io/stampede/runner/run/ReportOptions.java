package io.stampede.runner.run;

import java.io.PrintWriter;
import java.nio.file.Path;

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
}
