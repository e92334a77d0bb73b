package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.run.SummaryReport;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code stampede report SUMMARY.json --html FILE}: the HTML report again, from a run's JSON summary. */
final class ReportCommand implements Subcommand {

    private static final CommandSyntax SYNTAX = new CommandSyntax("report",
            "Writes the HTML report of a finished run from its JSON summary (--json), e.g. one kept by CI.",
            "Exit code: 0 written, 2 bad input (not a Stampede JSON summary, an unwritable path).")
            .parameter("SUMMARY", "the JSON summary a run wrote with --json")
            .requiredOption("--html", "FILE", "write the self-contained HTML report here");

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public ExitCode run(Arguments arguments, PrintWriter out, PrintWriter err) throws Exception {
        Path summary = arguments.parameter("SUMMARY", Converter.PATH);
        Path html = arguments.value("--html", Converter.PATH);
        return SummaryReport.htmlFromSummary(summary, html, out, err);
    }
}
