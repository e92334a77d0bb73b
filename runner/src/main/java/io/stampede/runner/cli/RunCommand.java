package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.cli.args.UsageException;
import io.stampede.runner.engine.EventLoops;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.run.HostPort;
import io.stampede.runner.run.LocalRun;
import io.stampede.runner.run.ReportOptions;
import io.stampede.runner.run.TestFiles;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.Overrides;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@code stampede run FILE}: runs a LoadTest on this machine. */
final class RunCommand implements Subcommand {

    private static final CommandSyntax SYNTAX = LocustFlags.hint(ReportFlags.declare(LoadOverrideOptions.declare(
            PluginOptions.declare(
            new CommandSyntax("run",
            "Runs a LoadTest file on this machine with a live table, then prints the results.",
            "Exit code: 0 all thresholds held, 1 a threshold was breached, 2 bad input, 3 could not run.")
            .parameter("FILE", "the LoadTest YAML file")
            .option("--web", "[HOST:]PORT", "serve the live view (charts, table, stop button) while the run goes; "
                    + "a port alone is on 127.0.0.1, e.g. --web 8089")
            .option("--web-linger", "D", "with --web: keep the view up for D after the run (default: until Ctrl-C)")))));

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public ExitCode run(Arguments arguments, PrintWriter out, PrintWriter err) throws UsageException {
        Path file = arguments.parameter("FILE", Converter.PATH);
        Overrides overrides = LoadOverrideOptions.read(arguments);
        ReportOptions reports = ReportFlags.read(arguments, out, err);
        String web = arguments.text("--web");
        Duration linger = arguments.value("--web-linger", Converter.DURATION);
        if (web != null) {
            reports = reports.withWeb(webAddress(web), linger);
        } else if (linger != null) {
            throw new UsageException("--web-linger goes with --web");
        }
        Optional<Plugins> plugins = PluginOptions.load(arguments, System.getenv(), err);
        if (plugins.isEmpty()) {
            return ExitCode.BAD_INPUT;
        }
        // The event loops start while the file is read and compiled: the first request goes out sooner.
        CompletableFuture<EventLoops> eventLoops = LocalRun.prepareEventLoops();
        Optional<TestPlan> plan = TestFiles.load(file, overrides, System.getenv(), plugins.get(), err);
        if (plan.isEmpty() || !ReportFlags.writable(reports, err)) {
            eventLoops.thenAccept(EventLoops::close);
            return ExitCode.BAD_INPUT;
        }
        return LocalRun.execute(eventLoops, plan.get(), reports);
    }

    private static HostPort webAddress(String value) throws UsageException {
        try {
            return HostPort.parse(value, "127.0.0.1");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--web: " + e.getMessage());
        }
    }
}
