package io.stampede.runner.run;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cluster.api.FinalResult;
import io.stampede.runner.cluster.api.MasterApiServer;
import io.stampede.runner.cluster.api.MasterMetrics;
import io.stampede.runner.cluster.link.SharedToken;
import io.stampede.runner.cluster.master.MasterRun;
import io.stampede.runner.cluster.master.MasterSettings;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.stats.HumanFormat;
import io.stampede.runner.stats.IntervalStats;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What {@code stampede master} does once its flags are read: listens for workers and serves the HTTP API (status,
 * metrics, report) on one address, runs the session, then keeps serving the final report for a while.
 *
 * <p>Threading: blocks the caller until the run is over and the report served; the API has an event loop of its own.
 */
public final class MasterProcess {

    private MasterProcess() {
    }

    /**
     * Runs the plan on the workers that connect to {@code bind} and returns the exit code.
     *
     * @param keepServing how long to serve {@code /api/v1/report} after the run; zero or negative for not at all
     */
    public static ExitCode run(TestPlan plan, MasterSettings settings, SharedToken token, HostPort bind,
                               Duration keepServing, ReportOptions reports) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        try {
            MasterMetrics metrics = new MasterMetrics();
            MasterApiServer server = new MasterApiServer(vertx, token, metrics,
                    refused -> reports.err().println("stampede: refused " + refused));
            int port;
            try {
                port = server.listen(bind.host(), bind.port()).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                reports.err().println("stampede: cannot listen on " + bind + ": " + rootMessage(e));
                return ExitCode.COULD_NOT_RUN;
            }
            String base = "http://" + new HostPort(bind.host(), port);
            reports.out().println("Master listening on " + base + " (status: " + base + "/api/v1/status); waiting for "
                    + settings.expectedWorkers() + " workers: stampede worker --master HOST:" + port);
            ExitCode code = MasterSession.run(plan, settings, reports, true, new MasterSession.Hooks() {
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
                    server.publish(new FinalResult(FinalResult.phaseOf(exitCode, aborted), reportJson,
                            exitCode.code(), message));
                }
            });
            keepServing(keepServing, reports, base);
            server.close();
            return code;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void keepServing(Duration keepServing, ReportOptions reports, String base)
            throws InterruptedException {
        if (keepServing.isZero() || keepServing.isNegative()) return;
        reports.out().println("Serving the final report at " + base + "/api/v1/report for "
                + HumanFormat.millis(keepServing.toMillis()) + " (Ctrl-C ends it now).");
        new CountDownLatch(1).await(keepServing.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
