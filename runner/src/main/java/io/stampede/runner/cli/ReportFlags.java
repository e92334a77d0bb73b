package io.stampede.runner.cli;

import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The flags that say what a run writes and prints, shared by {@code run} and {@code master}. */
final class ReportFlags {

    @Option(names = "--csv", paramLabel = "PREFIX",
            description = "write PREFIX_stats.csv, PREFIX_stats_history.csv, PREFIX_failures.csv (Locust's format)")
    String csvPrefix;

    @Option(names = "--json", paramLabel = "FILE", description = "write the summary and thresholds as JSON")
    Path json;

    @Option(names = {"-q", "--quiet"}, description = "no live table; only the final results")
    boolean quiet;

    @Option(names = {"-k", "--insecure"}, description = "accept any TLS certificate (self-signed staging targets)")
    boolean insecure;

    ReportOptions toReportOptions(PrintWriter out, PrintWriter err) {
        return new ReportOptions(csvPrefix, json, quiet, insecure, out, err);
    }
}
