package io.stampede.runner.cli;

import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.cli.args.UsageException;
import io.stampede.runner.run.ReportFiles;
import io.stampede.runner.run.ReportOptions;

import java.io.PrintWriter;
import java.util.List;

/** The flags that say what a run writes and prints, shared by {@code run} and {@code master}. */
final class ReportFlags {

    static final String INSECURE = "--insecure";

    private ReportFlags() {
    }

    static CommandSyntax declare(CommandSyntax syntax) {
        return syntax
                .option(ReportOptions.CSV_FLAG, "PREFIX", "write PREFIX_stats.csv, PREFIX_stats_history.csv, PREFIX_failures.csv "
                        + "(Locust's format)")
                .option(ReportOptions.JSON_FLAG, "FILE", "write the summary, thresholds and per-second history as JSON")
                .option(ReportOptions.HTML_FLAG, "FILE", "write a self-contained HTML report (charts, tables; opens "
                        + "offline)")
                .flag("-q, --quiet", "no live table; only the final results")
                .flag("-k, " + INSECURE, "accept any TLS certificate (self-signed staging targets)")
                .flag(ReportOptions.FAIL_ON_ERRORS_FLAG, "exit code 1 when any request failed, as Locust does "
                        + "(default: only a breached threshold fails the run)")
                .flag(ReportOptions.CSV_FULL_HISTORY_FLAG, "with --csv: a line per request row and second in "
                        + "PREFIX_stats_history.csv, besides the Aggregated one (as Locust's flag)");
    }

    /**
     * Prints why each report file cannot be written, naming its flag and path; true when all can. Called before the
     * first request, so a run is never spent on reports it cannot save.
     */
    static boolean writable(ReportOptions reports, PrintWriter err) {
        List<ReportFiles.Problem> problems = ReportFiles.problems(reports);
        for (ReportFiles.Problem problem : problems) {
            err.println("stampede: " + problem.message());
        }
        return problems.isEmpty();
    }

    static ReportOptions read(Arguments arguments, PrintWriter out, PrintWriter err) throws UsageException {
        return ReportOptions.files(arguments.text(ReportOptions.CSV_FLAG),
                arguments.value(ReportOptions.JSON_FLAG, Converter.PATH),
                arguments.value(ReportOptions.HTML_FLAG, Converter.PATH), arguments.flag("--quiet"),
                arguments.flag(INSECURE), out, err).withFailOnErrors(arguments.flag(ReportOptions.FAIL_ON_ERRORS_FLAG))
                .withCsvFullHistory(arguments.flag(ReportOptions.CSV_FULL_HISTORY_FLAG));
    }
}
