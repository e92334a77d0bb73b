package io.stampede.runner.cli;

import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.cli.args.UsageException;
import io.stampede.runner.run.ReportOptions;

import java.io.PrintWriter;

/** The flags that say what a run writes and prints, shared by {@code run} and {@code master}. */
final class ReportFlags {

    static final String INSECURE = "--insecure";

    private ReportFlags() {
    }

    static CommandSyntax declare(CommandSyntax syntax) {
        return syntax
                .option("--csv", "PREFIX", "write PREFIX_stats.csv, PREFIX_stats_history.csv, PREFIX_failures.csv "
                        + "(Locust's format)")
                .option("--json", "FILE", "write the summary, thresholds and per-second history as JSON")
                .option("--html", "FILE", "write a self-contained HTML report (charts, tables; opens offline)")
                .flag("-q, --quiet", "no live table; only the final results")
                .flag("-k, " + INSECURE, "accept any TLS certificate (self-signed staging targets)");
    }

    static ReportOptions read(Arguments arguments, PrintWriter out, PrintWriter err) throws UsageException {
        return ReportOptions.files(arguments.text("--csv"), arguments.value("--json", Converter.PATH),
                arguments.value("--html", Converter.PATH), arguments.flag("--quiet"), arguments.flag(INSECURE), out,
                err);
    }
}
