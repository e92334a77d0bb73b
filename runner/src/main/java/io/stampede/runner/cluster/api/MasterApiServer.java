package io.stampede.runner.cluster.api;

import io.stampede.runner.cluster.link.SharedToken;
import io.stampede.runner.cluster.link.WebSocketWorkerConnection;
import io.stampede.runner.cluster.master.MasterRun;
import io.stampede.runner.cluster.protocol.Protocol;
import io.stampede.runner.doc.ReportDocument;
import io.stampede.runner.stats.LatencyDistribution;
import io.stampede.runner.stats.LiveView;
import io.stampede.runner.stats.StatsAggregator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The master's port: the workers' WebSocket and the HTTP API.
 * <pre>
 * GET  /               the live view: charts, tables, a stop button        open to all
 * GET  /api/v1/live     the live view's document, every second              open to all
 * GET  /report.html     the final HTML report; 404 before                   open to all
 * GET  /api/v1/status   phase, workers, live totals and percentiles       open to all
 * GET  /api/v1/report   the final summary (the --json file); 404 before    open to all
 * GET  /metrics         Prometheus text                                    open to all
 * POST /api/v1/stop     stop the run early (phase Aborted)                 Authorization: Bearer TOKEN
 *                       (or none when {@link #allowLocalStop} was asked on a loopback-only server)
 * GET  /api/v1/workers  the worker channel (WebSocket upgrade)             Authorization: Bearer TOKEN
 * </pre>
 * Nothing served without the token reveals it or controls the run. Threading: requests are handled on the
 * server's Vert.x instance (one event loop is plenty); the master is reached only through {@link MasterRun}'s
 * thread-safe methods.
 */
public final class MasterApiServer {

    private final Vertx vertx;
    private final SharedToken token;
    private final MasterMetrics metrics;
    private final Consumer<String> refusals;
    private final AtomicReference<FinalResult> result = new AtomicReference<>();
    /** The final report, parsed once for the status's capacity and story; null before the end. */
    private volatile ReportDocument report;
    private volatile MasterRun master;
    private volatile boolean localStop;
    private HttpServer server;

    /** @param refusals told (for the console) whenever a would-be worker's token is refused; never the token */
    public MasterApiServer(Vertx vertx, SharedToken token, MasterMetrics metrics, Consumer<String> refusals) {
        this.vertx = vertx;
        this.token = token;
        this.metrics = metrics;
        this.refusals = refusals;
    }

    /**
     * Lets {@code POST /api/v1/stop} through without the token: for {@code stampede run --web} bound to a loopback
     * address, where only this machine's users reach the page (as Locust's web UI). Never for a master that
     * workers reach over the network.
     */
    public void allowLocalStop() {
        localStop = true;
    }

    /** From now on workers are taken and the API answers; before, every request gets 503. */
    public void attach(MasterRun run) {
        master = run;
    }

    /** Listens on host:port (port 0: any free one); the future gives the port. */
    public Future<Integer> listen(String host, int port) {
        server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
                .setMaxWebSocketFrameSize(64 * 1024).setMaxWebSocketMessageSize(16 * 1024 * 1024))
                .requestHandler(this::handle);
        return server.listen().map(HttpServer::actualPort);
    }

    /** From now on {@code /api/v1/report} serves this, and the status shows its phase. */
    public void publish(FinalResult finalResult) {
        if (finalResult.reportJson() != null) {
            report = ReportDocument.parse(finalResult.reportJson());
            metrics.capacity(report.capacity());
        }
        result.set(finalResult);
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void handle(HttpServerRequest request) {
        MasterRun master = this.master;
        if (master == null) {
            json(request, 503, "{\"error\":\"the master is starting\"}");
            return;
        }
        String path = request.path();
        switch (path) {
            case Protocol.WORKER_PATH -> {
                if (!authorized(request)) {
                    refusals.accept("a worker from " + request.remoteAddress() + " without the right token");
                    return;
                }
                request.toWebSocket().onSuccess(socket -> WebSocketWorkerConnection.accept(socket, master))
                        .onFailure(error -> { });
            }
            case "/" -> {
                if (!allow(request, HttpMethod.GET)) return;
                request.response().putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Cache-Control", "no-store")
                        .end(WebView.page(master.plan().scenario().name(), liveDocument(master)));
            }
            case "/api/v1/live" -> {
                if (!allow(request, HttpMethod.GET)) return;
                request.response().putHeader("Cache-Control", "no-store");
                json(request, 200, liveDocument(master));
            }
            case "/report.html" -> {
                if (!allow(request, HttpMethod.GET)) return;
                String page = WebView.finalReport(master.plan().scenario().name(), result.get());
                if (page == null) {
                    json(request, 404, "{\"error\":\"no report yet: the run has not finished\"}");
                } else {
                    request.response().putHeader("Content-Type", "text/html; charset=utf-8").end(page);
                }
            }
            case "/api/v1/status" -> {
                if (!allow(request, HttpMethod.GET)) return;
                json(request, 200, StatusJson.document(master.status(), live(master), result.get(), report).toJson());
            }
            case "/api/v1/report" -> {
                if (!allow(request, HttpMethod.GET)) return;
                FinalResult finalResult = result.get();
                if (finalResult == null || finalResult.reportJson() == null) {
                    json(request, 404, "{\"error\":\"no report yet: the run has not finished\"}");
                } else {
                    json(request, 200, finalResult.reportJson());
                }
            }
            case "/metrics" -> {
                if (!allow(request, HttpMethod.GET)) return;
                request.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(metrics.scrape(master.status(), live(master), latencies(master)));
            }
            case "/api/v1/stop" -> {
                if (!allow(request, HttpMethod.POST) || !(localStop || authorized(request))) return;
                master.abort("stopped through the API");
                json(request, 202, "{\"stopping\":true}");
            }
            default -> json(request, 404, "{\"error\":\"no such endpoint\"}");
        }
    }

    private String liveDocument(MasterRun master) {
        FinalResult finished = result.get();
        String name = master.plan().scenario().name();
        if (finished != null) return WebView.finished(name, finished);
        return WebView.running(name, master.plan().thresholds(), master.status(), master.stats(),
                System.currentTimeMillis());
    }

    private static LiveView live(MasterRun master) {
        StatsAggregator stats = master.stats();
        return stats == null ? null : stats.liveView();
    }

    private static List<LatencyDistribution> latencies(MasterRun master) {
        StatsAggregator stats = master.stats();
        return stats == null ? List.of() : stats.latencyDistributions(MasterMetrics.bucketBoundsSeconds());
    }

    private boolean allow(HttpServerRequest request, HttpMethod method) {
        if (request.method().equals(method)) return true;
        request.response().putHeader("Allow", method.name());
        json(request, 405, "{\"error\":\"use " + method.name() + "\"}");
        return false;
    }

    private boolean authorized(HttpServerRequest request) {
        if (token.admits(request.getHeader("Authorization"))) return true;
        request.response().putHeader("WWW-Authenticate", "Bearer");
        json(request, 401, "{\"error\":\"this endpoint needs the shared token (Authorization: Bearer ...)\"}");
        return false;
    }

    private static void json(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
