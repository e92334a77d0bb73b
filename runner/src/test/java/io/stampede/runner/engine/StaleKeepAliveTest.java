package io.stampede.runner.engine;

import io.stampede.runner.engine.http.FailureCauses;
import io.stampede.runner.scenario.ExpectPlan;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.StepPlan;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.WaitPlan;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static io.stampede.runner.engine.Plans.constantLoad;
import static io.stampede.runner.engine.Plans.plan;
import static io.stampede.runner.engine.Plans.task;
import static io.stampede.runner.engine.Plans.text;
import static io.stampede.runner.engine.Plans.userClass;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that closes every connection right after its response, without {@code Connection: close}: the next
 * request, written at once on the kept-alive connection, meets the close. A request the server never received is
 * sent again on a new connection when its method is idempotent, and counted once.
 */
class StaleKeepAliveTest {

    private Vertx vertx;
    private HttpServer server;
    private final LongAdder received = new LongAdder();

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        // Linger 0: the close is a reset, so a request written after it fails at once, as a stale connection does.
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSoLinger(0))
                .requestHandler(request -> {
                    received.increment();
                    request.response().end("ok").onComplete(done -> request.connection().close());
                });
        server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void sendsAnIdempotentRequestAgainOnANewConnectionAndCountsItOnce() throws Exception {
        CollectingSink sink = run("GET");

        assertThat(sink.failuresByCause()).isEmpty();
        assertThat(sink.total().requests()).isEqualTo(received.sum()).isPositive();
    }

    @Test
    void neverSendsAPostTwice() throws Exception {
        CollectingSink sink = run("POST");

        // Without a resend, requests that met the close are failures the server never saw: counted once each.
        assertThat(sink.total().requests() - sink.total().failures()).isEqualTo(received.sum()).isPositive();
        assertThat(sink.failuresByCause().keySet()).allSatisfy(cause -> assertThat(cause)
                .isIn(FailureCauses.CLOSED_BEFORE_RESPONSE, "connection reset", "connection reset (broken pipe)"));
    }

    private CollectingSink run(String method) throws Exception {
        Plans.Rows rows = new Plans.Rows();
        StepPlan step = new StepPlan(new RequestPlan(method, text("/items"), List.of(), null, 5000,
                rows.of(method, "/items")), ExpectPlan.DEFAULT, List.of());
        TestPlan plan = plan("http://127.0.0.1:" + server.actualPort(), rows, constantLoad(4, 1500), 3000,
                userClass("u", new WaitPlan.None(), task("t", 1, step)));
        CollectingSink sink = new CollectingSink();
        try (EventLoops loops = EventLoops.create(1)) {
            new Engine(loops.group(), plan, sink, EngineOptions.defaults()).start().get(60, TimeUnit.SECONDS);
        }
        return sink;
    }
}
