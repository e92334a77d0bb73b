package io.stampede.runner.engine;

import io.stampede.runner.scenario.ExpectPlan;
import io.stampede.runner.scenario.Extraction;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.StepPlan;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.UserClassPlan;
import io.stampede.runner.scenario.WaitPlan;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static io.stampede.runner.engine.Plans.constantLoad;
import static io.stampede.runner.engine.Plans.plan;
import static io.stampede.runner.engine.Plans.task;
import static io.stampede.runner.engine.Plans.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compressed responses, from a real server that compresses what the client accepts (Vert.x, as nginx with
 * {@code gzip on} does): {@code bodyContains} and {@code extract} read the decoded body, as with requests or k6.
 */
class CompressedBodiesTest {

    private static final String LOGIN_BODY = "{\"access_token\":\"t-42\",\"padding\":\"" + "x".repeat(2000) + "\"}";

    private Vertx vertx;
    private HttpServer server;
    private final ConcurrentLinkedQueue<String> acceptEncodings = new ConcurrentLinkedQueue<>();
    private final LongAdder usedToken = new LongAdder();

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setCompressionSupported(true)).requestHandler(request -> {
            String accept = request.getHeader("Accept-Encoding");
            acceptEncodings.add(accept == null ? "(none)" : accept);
            if (request.path().equals("/login")) {
                request.response().putHeader("Content-Type", "application/json").end(LOGIN_BODY);
            } else {
                if (request.path().equals("/use/t-42")) usedToken.increment();
                request.response().end("ok");
            }
        });
        server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void asksForGzipAndDeflateByDefaultAndReadsTheGzippedBody() throws Exception {
        CollectingSink sink = run(List.of());

        assertThat(sink.failuresByCause()).isEmpty();
        assertThat(acceptEncodings).containsOnly("gzip, deflate");
        assertThat(usedToken.sum()).isEqualTo(sink.row("GET", "/use").requests()).isPositive();
    }

    @Test
    void readsAGzippedBodyWhenTheUserAskedForGzip() throws Exception {
        CollectingSink sink = run(List.of(new RequestPlan.HeaderPlan("Accept-Encoding", text("gzip"))));

        assertThat(sink.failuresByCause()).isEmpty();
        assertThat(acceptEncodings).containsOnly("gzip");
        assertThat(usedToken.sum()).isEqualTo(sink.row("GET", "/use").requests()).isPositive();
    }

    @Test
    void readsADeflatedBody() throws Exception {
        CollectingSink sink = run(List.of(new RequestPlan.HeaderPlan("Accept-Encoding", text("deflate"))));

        assertThat(sink.failuresByCause()).isEmpty();
        assertThat(acceptEncodings).containsOnly("deflate");
        assertThat(usedToken.sum()).isEqualTo(sink.row("GET", "/use").requests()).isPositive();
    }

    /**
     * Users log in (the body must contain the token, which is extracted), then use the token in a path. Three
     * seconds: on a loaded machine the first request of a fresh engine may take over a second.
     */
    private CollectingSink run(List<RequestPlan.HeaderPlan> headers) throws Exception {
        Plans.Rows rows = new Plans.Rows();
        StepPlan login = new StepPlan(new RequestPlan("POST", text("/login"), headers, null, 5000,
                rows.of("POST", "/login")), new ExpectPlan(Set.of(), Map.of(), "\"access_token\""),
                List.of(new Extraction("token", 0, Plans.jsonField("access_token"))));
        StepPlan use = new StepPlan(new RequestPlan("GET", Plans.slot("/use/", 0), headers, null, 5000,
                rows.of("GET", "/use")), ExpectPlan.DEFAULT, List.of());
        UserClassPlan member = new UserClassPlan("member", 1, new WaitPlan.Constant(50), List.of(login),
                Set.of(), List.of(task("use", 1, use)), List.of("token"));
        TestPlan plan = plan("http://127.0.0.1:" + server.actualPort(), rows, constantLoad(3, 3000), 2000, member);
        CollectingSink sink = new CollectingSink();
        try (EventLoops loops = EventLoops.create(1)) {
            new Engine(loops.group(), plan, sink, EngineOptions.defaults()).start().get(60, TimeUnit.SECONDS);
        }
        return sink;
    }
}
