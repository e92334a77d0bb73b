package io.stampede.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.cluster.api.FinalResult;
import io.stampede.runner.cluster.api.MasterApiServer;
import io.stampede.runner.cluster.api.MasterMetrics;
import io.stampede.runner.cluster.link.SharedToken;
import io.stampede.runner.cluster.master.MasterRun;
import io.stampede.runner.cluster.master.MasterSettings;
import io.stampede.runner.cluster.protocol.WireOverrides;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.Overrides;
import io.stampede.runner.stats.HumanFormat;
import io.stampede.runner.stats.IntervalStats;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code stampede master FILE --expect-workers N}: runs a LoadTest on N workers and merges their results. */
@Command(name = "master", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a LoadTest on workers ('stampede worker --master HOST:PORT'): waits for them, starts "
                + "them together, splits the users, merges their histograms, and serves its status, metrics and "
                + "final report over HTTP.",
                "Exit code: 0 all thresholds held, 1 a threshold was breached, 2 bad input, 3 could not run "
                        + "(workers missing, too few left)."})
final class MasterCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the LoadTest YAML file")
    Path file;

    @Option(names = "--expect-workers", required = true, paramLabel = "N",
            description = "start when N workers are ready")
    int expectWorkers;

    @Option(names = "--bind", paramLabel = "HOST:PORT", converter = HostPort.Converter.class,
            description = "where workers and the HTTP API connect (default: ${DEFAULT-VALUE})")
    HostPort bind = new HostPort("0.0.0.0", 5557);

    @Option(names = "--token-file", paramLabel = "F",
            description = "the shared token workers must present (default: the " + SharedToken.ENV
                    + " environment variable)")
    Path tokenFile;

    @Option(names = "--min-workers", paramLabel = "N",
            description = "fail the run (exit 3) when fewer workers remain (default: 1)")
    Integer minWorkers;

    @Option(names = "--wait-for-workers", paramLabel = "D", converter = DurationConverter.class,
            description = "give up (exit 3) when the workers are not all ready within D (default: 5m)")
    Duration waitForWorkers = Duration.ofMinutes(5);

    @Option(names = "--heartbeat-timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "a worker silent for D is lost; its users move to the others (default: 10s)")
    Duration heartbeatTimeout = Duration.ofMillis(MasterSettings.DEFAULT_HEARTBEAT_TIMEOUT_MILLIS);

    @Option(names = "--keep-serving", paramLabel = "D", converter = DurationConverter.class,
            description = "after the run, keep serving /api/v1/report for D (default: 1m)")
    Duration keepServing = Duration.ofMinutes(1);

    @CommandLine.Mixin
    LoadOverrideOptions load = new LoadOverrideOptions();

    @CommandLine.Mixin
    ReportFlags reports = new ReportFlags();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int min = minWorkers == null ? 1 : minWorkers;
        if (expectWorkers < 1 || min < 1 || min > expectWorkers) {
            err.println("stampede: --expect-workers must be at least 1 and --min-workers 1.." + expectWorkers);
            return ExitCodes.BAD_INPUT;
        }
        Optional<SharedToken> token = ClusterTokens.load(tokenFile, "master", err);
        if (token.isEmpty()) return ExitCodes.BAD_INPUT;
        Overrides overrides = load.toOverrides();
        Optional<TestPlan> plan = TestFiles.load(file, overrides, System.getenv(), err);
        if (plan.isEmpty()) return ExitCodes.BAD_INPUT;
        JsonNode tree;
        try {
            tree = TestFiles.tree(file);
        } catch (IOException e) {
            err.println("stampede: cannot read " + file + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        MasterSettings settings = new MasterSettings(expectWorkers, min, waitForWorkers.toMillis(),
                heartbeatTimeout.toMillis(), MasterSettings.DEFAULT_HEARTBEAT_MILLIS, heartbeatTimeout.toMillis(),
                MasterSettings.DEFAULT_LATE_SNAPSHOT_MILLIS, tree, WireOverrides.of(overrides), reports.insecure);

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
                return ExitCodes.COULD_NOT_RUN;
            }
            String base = "http://" + new HostPort(bind.host(), port);
            out.println("Master listening on " + base + " (status: " + base + "/api/v1/status); waiting for "
                    + expectWorkers + " workers: stampede worker --master HOST:" + port);
            int code = MasterSession.run(plan.get(), settings, reports.toReportOptions(out, err), true, new MasterSession.Hooks() {
                @Override
                public void attachWorkers(MasterRun master) {
                    server.attach(master);
                }

                @Override
                public void onInterval(IntervalStats merged) {
                    metrics.countInterval(merged);
                }

                @Override
                public void onFinished(String reportJson, int exitCode, boolean aborted, String message) {
                    server.publish(new FinalResult(FinalResult.phaseOf(exitCode, aborted), reportJson, exitCode,
                            message));
                }
            });
            keepServing(out, base);
            server.close();
            return code;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void keepServing(PrintWriter out, String base) throws InterruptedException {
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
