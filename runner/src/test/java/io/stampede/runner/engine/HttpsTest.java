package io.stampede.runner.engine;

import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.WaitPlan;
import io.stampede.runner.testing.LocalhostKeystore;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.stampede.runner.engine.Plans.constantLoad;
import static io.stampede.runner.engine.Plans.plan;
import static io.stampede.runner.engine.Plans.task;
import static io.stampede.runner.engine.Plans.userClass;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS targets: keep-alive over TLS, and a clear failure when the certificate is not trusted. */
class HttpsTest {

    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static EventLoops eventLoops;
    private static HttpServer server;
    private static final AtomicLong received = new AtomicLong();
    private static final AtomicLong connections = new AtomicLong();

    @BeforeAll
    static void startTlsServer() throws Exception {
        LocalhostKeystore keystore = LocalhostKeystore.create(dir);

        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        eventLoops = EventLoops.create(1);
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
                        .setKeyCertOptions(new PfxOptions().setPath(keystore.path().toString())
                                .setPassword(keystore.password())))
                .connectionHandler(connection -> connections.incrementAndGet())
                .requestHandler(request -> {
                    received.incrementAndGet();
                    request.response().end("secure");
                });
        server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        eventLoops.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private TestPlan securePlan(Plans.Rows rows, long durationMillis) {
        return plan("https://localhost:" + server.actualPort(), rows, constantLoad(3, durationMillis), 2000,
                userClass("u", new WaitPlan.Constant(10), task("s", 1, rows.get("/secure"))));
    }

    @Test
    void talksToHttpsTargetsOverKeptAliveConnections() throws Exception {
        Plans.Rows rows = new Plans.Rows();
        CollectingSink sink = new CollectingSink();
        long before = received.get();
        long connectionsBefore = connections.get();

        // 3 s, not less: the first TLS handshake of a cold JVM on a slow machine has taken most of a second
        new Engine(eventLoops.group(), securePlan(rows, 3000), sink, EngineOptions.defaults().withInsecureTls(true))
                .start().get(30, TimeUnit.SECONDS);

        long opened = connections.get() - connectionsBefore;
        assertThat(opened).as("TLS connections opened by 3 users").isBetween(1L, 3L);
        assertThat(sink.row("GET", "/secure").requests()).isEqualTo(received.get() - before)
                .as("requests sent over %d kept-alive connections", opened).isGreaterThan(3 * opened);
        assertThat(sink.row("GET", "/secure").failures()).isZero();
        assertThat(sink.row("GET", "/secure").contentBytes()).isEqualTo(6 * sink.row("GET", "/secure").requests());
    }

    @Test
    void failsWithATlsCauseWhenTheCertificateIsNotTrusted() throws Exception {
        Plans.Rows rows = new Plans.Rows();
        CollectingSink sink = new CollectingSink();

        new Engine(eventLoops.group(), securePlan(rows, 800), sink, EngineOptions.defaults()).start()
                .get(30, TimeUnit.SECONDS);

        assertThat(sink.row("GET", "/secure").failures()).isEqualTo(sink.row("GET", "/secure").requests()).isPositive();
        assertThat(sink.failuresByCause().keySet()).allMatch(cause -> cause.startsWith("TLS error"));
    }
}
