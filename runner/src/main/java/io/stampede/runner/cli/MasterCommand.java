package io.stampede.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.ExitCode;
import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.cli.args.UsageException;
import io.stampede.runner.cluster.link.SharedToken;
import io.stampede.runner.cluster.master.MasterSettings;
import io.stampede.runner.cluster.protocol.WireOverrides;
import io.stampede.runner.run.HostPort;
import io.stampede.runner.run.EventsOptions;
import io.stampede.runner.run.MasterProcess;
import io.stampede.runner.run.ReportOptions;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.run.TestFiles;
import io.stampede.runner.scenario.compile.Overrides;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@code stampede master FILE --expect-workers N}: runs a LoadTest on N workers and merges their results. */
final class MasterCommand implements Subcommand {

    private static final CommandSyntax SYNTAX = LocustFlags.hint(ReportFlags.declare(LoadOverrideOptions.declare(
            new CommandSyntax("master",
                    "Runs a LoadTest on workers ('stampede worker --master HOST:PORT'): waits for them, starts them "
                            + "together, splits the users, merges their histograms, and serves its status, metrics "
                            + "and final report over HTTP.",
                    "Exit code: 0 all thresholds held, 1 a threshold was breached, 2 bad input, 3 could not run "
                            + "(workers missing, too few left).")
                    .parameter("FILE", "the LoadTest YAML file")
                    .requiredOption("--expect-workers", "N", "start when N workers are ready")
                    .option(PluginOptions.FLAG, "DIR", "the plugin jars the file's extensions come from (each worker "
                            + "loads its own with its --plugins); default: the " + PluginOptions.ENV
                            + " environment variable")
                    .option("--bind", "HOST:PORT", "where workers and the HTTP API connect (default: 127.0.0.1:5557, "
                            + "this machine only; 0.0.0.0:5557 for workers on other machines)")
                    .option("--token-file", "F", "the shared token workers must present (default: the "
                            + SharedToken.ENV + " environment variable)")
                    .option("--min-workers", "N", "fail the run (exit 3) when fewer workers remain (default: 1)")
                    .option("--wait-for-workers", "D", "give up (exit 3) when the workers are not all ready within D "
                            + "(default: 5m)")
                    .option("--heartbeat-timeout", "D", "a worker silent for D is lost; its users move to the others "
                            + "(default: 10s)")
                    .option("--keep-serving", "D", "after the run, keep serving /api/v1/report for D (default: 1m)"))));

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public ExitCode run(Arguments arguments, PrintWriter out, PrintWriter err) throws Exception {
        Path file = arguments.parameter("FILE", Converter.PATH);
        int expectWorkers = arguments.value("--expect-workers", Converter.WHOLE_NUMBER);
        HostPort bind = arguments.value("--bind", HostPort::parse, new HostPort("127.0.0.1", 5557));
        Path tokenFile = arguments.value("--token-file", Converter.PATH);
        Integer minWorkers = arguments.value("--min-workers", Converter.WHOLE_NUMBER);
        Duration waitForWorkers = arguments.value("--wait-for-workers", Converter.DURATION,
                Duration.ofMinutes(5));
        Duration heartbeatTimeout = arguments.value("--heartbeat-timeout", Converter.DURATION,
                Duration.ofMillis(MasterSettings.DEFAULT_HEARTBEAT_TIMEOUT_MILLIS));
        Duration keepServing = arguments.value("--keep-serving", Converter.DURATION, Duration.ofMinutes(1));
        ReportOptions reports = ReportFlags.read(arguments, out, err);
        if (reports.events() != null && reports.events().perRequest()) {
            throw new UsageException(EventsOptions.PER_FLAG + " " + EventsOptions.PER_REQUEST + ": the master sees "
                    + "each worker's second, not its requests; use " + EventsOptions.PER_SECOND
                    + " here, or stampede run for a line per request");
        }
        int min = minWorkers == null ? 1 : minWorkers;
        if (expectWorkers < 1 || min < 1 || min > expectWorkers) {
            err.println("stampede: --expect-workers must be at least 1 and --min-workers 1.." + expectWorkers);
            return ExitCode.BAD_INPUT;
        }
        Optional<SharedToken> token = ClusterTokens.load(tokenFile, "master", err);
        if (token.isEmpty()) return ExitCode.BAD_INPUT;
        Overrides overrides = LoadOverrideOptions.read(arguments);
        Optional<Plugins> plugins = PluginOptions.load(arguments, System.getenv(), err);
        if (plugins.isEmpty()) return ExitCode.BAD_INPUT;
        Optional<TestFiles.Loaded> loaded = TestFiles.loadWithTree(file, overrides, System.getenv(), plugins.get(),
                err);
        if (loaded.isEmpty()) return ExitCode.BAD_INPUT;
        if (!ReportFlags.writable(reports, err)) return ExitCode.BAD_INPUT;
        JsonNode tree = loaded.get().tree();
        MasterSettings settings = new MasterSettings(expectWorkers, min, waitForWorkers.toMillis(),
                heartbeatTimeout.toMillis(), MasterSettings.DEFAULT_HEARTBEAT_MILLIS, heartbeatTimeout.toMillis(),
                MasterSettings.DEFAULT_LATE_SNAPSHOT_MILLIS, tree, WireOverrides.of(overrides), reports.insecureTls(),
                loaded.get().plan().scenario().data());
        return MasterProcess.run(loaded.get().plan(), settings, token.get(), bind, keepServing, reports);
    }
}
