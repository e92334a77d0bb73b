package io.stampede.runner.run;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cluster.api.FinalResult;
import io.stampede.runner.cluster.api.MasterApiServer;
import io.stampede.runner.cluster.api.MasterMetrics;
import io.stampede.runner.cluster.link.SharedToken;
import io.stampede.runner.cluster.master.MasterRun;
import io.stampede.runner.stats.IntervalStats;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The master's HTTP API (status, report, metrics, the live view and, for {@code stampede master}, the workers'
 * WebSocket) on an event loop of its own: listening before the run starts, so a taken address is found before any
 * request is sent; fed by the session's hooks; closed after the run.
 *
 * <p>Threading: made and closed on the caller's thread; requests are served on its Vert.x event loop.
 */
final class ServedApi implements AutoCloseable {

    private final Vertx vertx;
    private final MasterApiServer server;
    private final MasterMetrics metrics;
    private final HostPort bound;

    private ServedApi(Vertx vertx, MasterApiServer server, MasterMetrics metrics, HostPort bound) {
        this.vertx = vertx;
        this.server = server;
        this.metrics = metrics;
        this.bound = bound;
    }

    /** Listens on {@code bind}; empty (with the reason said on err) when it cannot. */
    static Optional<ServedApi> listen(SharedToken token, HostPort bind, ReportOptions reports) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        MasterMetrics metrics = new MasterMetrics();
        MasterApiServer server = new MasterApiServer(vertx, token, metrics,
                refused -> reports.err().println("stampede: refused " + refused));
        try {
            int port = server.listen(bind.host(), bind.port()).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            return Optional.of(new ServedApi(vertx, server, metrics, new HostPort(bind.host(), port)));
        } catch (Exception e) {
            reports.err().println("stampede: cannot listen on " + bind + ": " + rootMessage(e));
            closeVertx(vertx);
            return Optional.empty();
        }
    }

    /** {@code http://HOST:PORT}, with the port actually bound. */
    String base() {
        return "http://" + bound;
    }

    /** The port actually bound. */
    int port() {
        return bound.port();
    }

    MasterApiServer server() {
        return server;
    }

    /** The session's hooks: workers attach as {@code attach} says, intervals feed the metrics, the end is served. */
    MasterSession.Hooks hooks(Consumer<MasterRun> attach) {
        return new MasterSession.Hooks() {
            @Override
            public void attachWorkers(MasterRun master) {
                server.attach(master);
                attach.accept(master);
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
        };
    }

    @Override
    public void close() {
        // The listening socket closes first, and is waited for: a client connecting while Vert.x's event loops
        // shut down would otherwise be accepted onto a closed loop, and Netty logs a stack trace for it
        // (seen with a status poller at the end of a run, bench/launch-at-once.sh).
        try {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing after the run: nothing measured depends on it; Vert.x's close below closes it too.
        }
        closeVertx(vertx);
    }

    private static void closeVertx(Vertx vertx) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing after the run: nothing measured depends on it.
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
