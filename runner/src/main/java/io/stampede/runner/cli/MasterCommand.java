package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.cluster.api.FinalResult;
import io.stampede.runner.cluster.api.MasterApiServer;
import io.stampede.runner.cluster.api.MasterMetrics;
import io.stampede.runner.cluster.link.SharedToken;
import io.stampede.runner.cluster.master.MasterRun;
import io.stampede.runner.cluster.master.MasterSettings;
import io.stampede.runner.cluster.protocol.WireOverrides;
import io.stampede.runner.scenario.compile.Overrides;
import io.stampede.runner.stats.HumanFormat;
import io.stampede.runner.stats.IntervalStats;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code stampede master FILE --expect-workers N}: runs a LoadTest on N workers and merges their results. */
final class MasterCommand implements Subcommand {

    private static final CommandSyntax SYNTAX = ReportFlags.declare(LoadOverrideOptions.declare(
            new CommandSyntax("master",
                    "Runs a LoadTest on workers ('stampede worker --master HOST:PORT'): waits for them, starts them "
                            + "together, splits the users, merges their histograms, and serves its status, metrics "
                            + "and final report over HTTP.",
                    "Exit code: 0 all thresholds held, 1 a threshold was breached, 2 bad input, 3 could not run "
                            + "(workers missing, too few left).")
                    .parameter("FILE", "the LoadTest YAML file")
                    .requiredOption("--expect-workers", "N", "start when N workers are ready")
                    .option("--bind", "HOST:PORT", "where workers and the HTTP API connect (default: 0.0.0.0:5557)")
                    .option("--token-file", "F", "the shared token workers must present (default: the "
                            + SharedToken.ENV + " environment variable)")
                    .option("--min-workers", "N", "fail the run (exit 3) when fewer workers remain (default: 1)")
                    .option("--wait-for-workers", "D", "give up (exit 3) when the workers are not all ready within D "
                            + "(default: 5m)")
                    .option("--heartbeat-timeout", "D", "a worker silent for D is lost; its users move to the others "
                            + "(default: 10s)")
                    .option("--keep-serving", "D", "after the run, keep serving /api/v1/report for D (default: 1m)")));

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public ExitCode run(Arguments arguments, PrintWriter out, PrintWriter err) throws Exception {
        Path file = arguments.parameter("FILE", Converter.PATH);
        int expectWorkers = arguments.value("--expect-workers", Converter.WHOLE_NUMBER);
        HostPort bind = arguments.value("--bind", HostPort.CONVERTER, new HostPort("0.0.0.0", 5557));
        Path tokenFile = arguments.value("--token-file", Converter.PATH);
        Integer minWorkers = arguments.value("--min-workers", Converter.WHOLE_NUMBER);
        Duration waitForWorkers = arguments.value("--wait-for-workers", Converter.DURATION,
                Duration.ofMinutes(5));
        Duration heartbeatTimeout = arguments.value("--heartbeat-timeout", Converter.DURATION,
                Duration.ofMillis(MasterSettings.DEFAULT_HEARTBEAT_TIMEOUT_MILLIS));
        Duration keepServing = arguments.value("--keep-serving", Converter.DURATION, Duration.ofMinutes(1));
        ReportOptions reports = ReportFlags.read(arguments, out, err);
        int min = minWorkers == null ? 1 : minWorkers;
        if (expectWorkers < 1 || min < 1 || min > expectWorkers) {
            err.println("stampede: --expect-workers must be at least 1 and --min-workers 1.." + expectWorkers);
            return ExitCode.BAD_INPUT;
        }
        Optional<SharedToken> token = ClusterTokens.load(tokenFile, "master", err);
        if (token.isEmpty()) return ExitCode.BAD_INPUT;
        Overrides overrides = LoadOverrideOptions.read(arguments);
        Optional<TestFiles.Loaded> loaded = TestFiles.loadWithTree(file, overrides, System.getenv(), err);
        if (loaded.isEmpty()) return ExitCode.BAD_INPUT;
        JsonNode tree = loaded.get().tree();
        MasterSettings settings = new MasterSettings(expectWorkers, min, waitForWorkers.toMillis(),
                heartbeatTimeout.toMillis(), MasterSettings.DEFAULT_HEARTBEAT_MILLIS, heartbeatTimeout.toMillis(),
                MasterSettings.DEFAULT_LATE_SNAPSHOT_MILLIS, tree, WireOverrides.of(overrides), reports.insecureTls());

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        try {
            MasterMetrics metrics = new MasterMetrics();
            MasterApiServer server = new MasterApiServer(vertx, token.get(), metrics,
                    refused -> err.println("stampede: refused " + refused));
            int port;
            try {
                port = server.listen(bind.host(), bind.port()).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                err.println("stampede: cannot listen on " + bind + ": " + rootMessage(e));
                return ExitCode.COULD_NOT_RUN;
            }
            String base = "http://" + new HostPort(bind.host(), port);
            out.println("Master listening on " + base + " (status: " + base + "/api/v1/status); waiting for "
                    + expectWorkers + " workers: stampede worker --master HOST:" + port);
            ExitCode code = MasterSession.run(loaded.get().plan(), settings, reports, true, new MasterSession.Hooks() {
                @Override
                public void attachWorkers(MasterRun master) {
                    server.attach(master);
                }

                @Override
                public void onInterval(IntervalStats merged) {
                    metrics.countInterval(merged);
                }

                @Override
                public void onFinished(String reportJson, ExitCode exitCode, boolean aborted, String message) {
                    server.publish(new FinalResult(FinalResult.phaseOf(exitCode, aborted), reportJson, exitCode.code(),
                            message));
                }
            });
            keepServing(keepServing, out, base);
            server.close();
            return code;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void keepServing(Duration keepServing, PrintWriter out, String base) throws InterruptedException {
        if (keepServing.isZero() || keepServing.isNegative()) return;
        out.println("Serving the final report at " + base + "/api/v1/report for "
                + HumanFormat.millis(keepServing.toMillis()) + " (Ctrl-C ends it now).");
        new CountDownLatch(1).await(keepServing.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
