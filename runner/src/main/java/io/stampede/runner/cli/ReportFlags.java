package io.stampede.runner.cli;

import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.cli.args.UsageException;
import io.stampede.runner.run.EventsOptions;
import io.stampede.runner.run.ReportFiles;
import io.stampede.runner.run.ReportOptions;

import java.io.PrintWriter;
import java.nio.file.Path;
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
                .option(EventsOptions.FLAG, "FILE", "write the run's events as JSON lines, as they happen (see "
                        + EventsOptions.PER_FLAG + ")")
                .option(EventsOptions.PER_FLAG, "request|second", "with " + EventsOptions.FLAG + ": a line per "
                        + "request (row, status, latency, cause) or per second (the history row); default second")
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
                .withCsvFullHistory(arguments.flag(ReportOptions.CSV_FULL_HISTORY_FLAG))
                .withEvents(events(arguments));
    }

    private static EventsOptions events(Arguments arguments) throws UsageException {
        Path file = arguments.value(EventsOptions.FLAG, Converter.PATH);
        String per = arguments.text(EventsOptions.PER_FLAG);
        if (per != null && !per.equals(EventsOptions.PER_REQUEST) && !per.equals(EventsOptions.PER_SECOND)) {
            throw new UsageException(EventsOptions.PER_FLAG + ": expected " + EventsOptions.PER_REQUEST + " or "
                    + EventsOptions.PER_SECOND + ", got '" + per + "'");
        }
        if (per != null && file == null) {
            throw new UsageException(EventsOptions.PER_FLAG + " goes with " + EventsOptions.FLAG + " FILE");
        }
        return file == null ? null : new EventsOptions(file, EventsOptions.PER_REQUEST.equals(per));
    }
}
