package io.stampede.runner.engine;

import io.stampede.runner.engine.http.FailureCauses;
import io.stampede.runner.scenario.ExpectPlan;
import io.stampede.runner.scenario.Extraction;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.StepPlan;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.UserClassPlan;
import io.stampede.runner.scenario.WaitPlan;
import io.stampede.runner.stats.RowStats;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.ExpiringTokens;
import io.stampede.runner.testing.Latency;
import io.stampede.runner.testing.TargetServer;
import io.stampede.runner.testing.WeightedDraws;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.stampede.runner.engine.Plans.constantLoad;
import static io.stampede.runner.engine.Plans.plan;
import static io.stampede.runner.engine.Plans.task;
import static io.stampede.runner.engine.Plans.text;
import static io.stampede.runner.engine.Plans.userClass;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine against a real HTTP server on 127.0.0.1: what it counts must be what the server received. */
class EngineTest {

    @AutoClose
    private static final EventLoops eventLoops = EventLoops.create(2);

    private static RunResult run(TestPlan plan, CollectingSink sink) throws Exception {
        return new Engine(eventLoops.group(), plan, sink, EngineOptions.defaults()).start().get(60, TimeUnit.SECONDS);
    }

    @Test
    void countsEveryRequestExactlyOnceIncludingTheLastSecond() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/items", Behaviour.ok().withDelay(Duration.ofMillis(2)));
            Plans.Rows rows = new Plans.Rows();
            TestPlan plan = plan(server.baseUrl(), rows, constantLoad(20, 1500), 5000,
                    userClass("u", new WaitPlan.None(), task("items", 1, rows.get("/items"))));
            CollectingSink sink = new CollectingSink();

            RunResult result = run(plan, sink);

            RowStats items = sink.row("GET", "/items");
            assertThat(items.requests()).isGreaterThan(1000).isEqualTo(server.requestCount("GET", "/items"));
            assertThat(items.failures()).isZero();
            assertThat(result.peakUsers()).isEqualTo(20);
            assertThat(sink.completedIntervals()).hasSize((int) result.intervals());
        }
    }

    @Test
    void measuresTheServersLatencyDistribution() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/mix", Behaviour.ok().withLatency(Latency.mix()
                    .with(85, Duration.ofMillis(5)).with(12, Duration.ofMillis(50)).with(3, Duration.ofMillis(300))));
            Plans.Rows rows = new Plans.Rows();
            TestPlan plan = plan(server.baseUrl(), rows, constantLoad(40, 6000), 5000,
                    userClass("u", new WaitPlan.None(), task("mix", 1, rows.get("/mix"))));
            CollectingSink sink = new CollectingSink();
            Engine engine = new Engine(eventLoops.group(), plan, sink, EngineOptions.defaults());

            engine.start().get(60, TimeUnit.SECONDS);

            RowStats mix = sink.row("GET", "/mix");
            assertThat(mix.requests()).isGreaterThan(3000).isEqualTo(server.requestCount("GET", "/mix"));
            // Within 10% (plus 1 ms of loopback) of what the server really took; on a quiet machine that is
            // 5, 50 and 300 ms (the CLI test checks those), on a loaded one the server's own timers run late.
            // Above it, also by up to the event-loop lag the generator reported: a response read late by a loop
            // kept busy (a machine shared with other builds) is timed late, and the run admits that lag, as the
            // CLI's runs do (ReportedLatency). Without it, CI-like load failed here: p95 70.6 ms, server 56.5 ms.
            double lagMs = engine.monitor().health().loopLagMaxMs();
            org.HdrHistogram.Histogram served = server.servedLatencyMicros();
            for (double percentile : new double[] {50, 95, 99}) {
                double truth = served.getValueAtPercentile(percentile) / 1000.0;
                double tolerance = truth * 0.1 + 1.0;
                assertThat(mix.percentileMicros(percentile) / 1000.0)
                        .as("p%s (server: %.2f ms; generator's loop lag up to %.1f ms)", percentile, truth, lagMs)
                        .isBetween(truth - tolerance, truth + tolerance + lagMs);
            }
        }
    }

    @Test
    void picksTasksInProportionToTheirWeights() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Plans.Rows rows = new Plans.Rows();
            TestPlan plan = plan(server.baseUrl(), rows, constantLoad(10, 1500), 5000,
                    userClass("u", new WaitPlan.None(),
                            task("a", 5, rows.get("/a")), task("b", 3, rows.get("/b")), task("c", 1, rows.get("/c"))));
            CollectingSink sink = new CollectingSink();

            run(plan, sink);

            long a = sink.row("GET", "/a").requests();
            long b = sink.row("GET", "/b").requests();
            long c = sink.row("GET", "/c").requests();
            // Within five standard deviations of 5:3:1 for however many were drawn. A fixed ±10 % of the ratios
            // a/c and b/c fails a correct picker by chance: one run in six at 3,000 draws, one in fifty at the
            // 7,500 that 1.5 s gave on a busy two-core machine.
            WeightedDraws.assertInProportion(Map.of("a", a, "b", b, "c", c), Map.of("a", 5, "b", 3, "c", 1), 300);
            assertThat(Map.of("a", a, "b", b, "c", c)).isEqualTo(Map.of(
                    "a", server.requestCount("GET", "/a"), "b", server.requestCount("GET", "/b"),
                    "c", server.requestCount("GET", "/c")));
        }
    }

    @Test
    void countsRefusedConnectionsAsFailuresAndKeepsGoing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Plans.Rows rows = new Plans.Rows();
        TestPlan plan = plan("http://127.0.0.1:" + closedPort, rows, constantLoad(2, 800), 1000,
                userClass("u", new WaitPlan.Constant(50), task("x", 1, rows.get("/x"))));
        CollectingSink sink = new CollectingSink();

        run(plan, sink);

        RowStats x = sink.row("GET", "/x");
        assertThat(x.requests()).isGreaterThan(10);
        assertThat(x.failures()).isEqualTo(x.requests());
        assertThat(sink.failuresByCause()).containsOnlyKeys("connection refused");
    }

    @Test
    void failsRequestsThatTakeLongerThanTheirTimeout() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/slow", Behaviour.ok().withDelay(Duration.ofMillis(1000)));
            Plans.Rows rows = new Plans.Rows();
            TestPlan plan = plan(server.baseUrl(), rows, constantLoad(3, 1200), 2000,
                    userClass("u", new WaitPlan.None(), task("slow", 1, rows.get("/slow", 200))));
            CollectingSink sink = new CollectingSink();

            run(plan, sink);

            RowStats slow = sink.row("GET", "/slow");
            assertThat(slow.requests()).isEqualTo(server.requestCount("GET", "/slow")).isGreaterThanOrEqualTo(6);
            // Every one, also those whose answer (at 1 s) a loop running late read before its overdue sweep.
            assertThat(slow.failures()).isEqualTo(slow.requests());
            assertThat(sink.failuresByCause()).containsOnlyKeys("timeout after 200ms");
            // Never given up early, and typically within two sweeps of the deadline. The slowest is not bounded: a
            // loop that a stalled machine holds up sweeps late by as much, as any timer would (under a load average
            // of 10-13 the slowest took 400 ms to 1.5 s in four runs of eight, the median 202-250 ms in all).
            assertThat(slow.minLatencyMicros()).isGreaterThanOrEqualTo(200_000L);
            assertThat(slow.percentileMicros(50))
                    .isLessThanOrEqualTo((200 + 2 * LoopWorker.TIMEOUT_SWEEP_MILLIS) * 1000);
        }
    }

    @Test
    void reportsStatusFailuresWithTheExpectedMessage() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("POST", "/orders", Behaviour.status(409));
            Plans.Rows rows = new Plans.Rows();
            StepPlan order = new StepPlan(new RequestPlan("POST", text("/orders"), List.of(),
                    new RequestPlan.BodyPlan("application/json", text("{\"payment\":\"test\"}")), 5000,
                    rows.of("POST", "/orders")),
                    new ExpectPlan(Set.of(201), Map.of(409, "Cart was empty"), null), List.of());
            // The stop timeout (10 s) lets the last request finish on a machine that stalls the run for a second
            // (1 s was met under a load average of 12: "interrupted" beside "Cart was empty").
            TestPlan plan = plan(server.baseUrl(), rows, constantLoad(1, 500), 10_000,
                    userClass("u", new WaitPlan.Constant(20), task("order", 1, order)));
            CollectingSink sink = new CollectingSink();

            run(plan, sink);

            assertThat(sink.failuresByCause()).containsOnlyKeys("Cart was empty");
            assertThat(server.recentRequests()).allSatisfy(request ->
                    assertThat(request.body()).isEqualTo("{\"payment\":\"test\"}"));
        }
    }

    @Test
    void renewsExpiredTokensThroughOnStartWithoutCountingFailures() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            // Each token serves 3 requests, then has expired: every user renews many times in 2 s, and a renewed
            // token is good for its retry however slowly a loaded machine runs the user. (Tokens living 200 ms
            // can expire before that retry when the machine stalls the user: 6 failures under a load average of
            // 12, in a 2 s run that took 10 s.)
            ExpiringTokens tokens = server.tokenRoutes("/login", "/me", ExpiringTokens.afterUses(3));
            Plans.Rows rows = new Plans.Rows();
            StepPlan login = new StepPlan(new RequestPlan("POST", text("/login"), List.of(), null, 5000,
                    rows.of("POST", "/login")), ExpectPlan.DEFAULT,
                    List.of(new Extraction("token", 0, Plans.jsonField("access_token"))));
            StepPlan me = new StepPlan(new RequestPlan("GET", text("/me"),
                    List.of(new RequestPlan.HeaderPlan("Authorization", Plans.slot("Bearer ", 0))), null, 5000,
                    rows.of("GET", "/me")), ExpectPlan.DEFAULT, List.of());
            UserClassPlan member = new UserClassPlan("member", 1, new WaitPlan.Constant(20), List.of(login),
                    Set.of(401), List.of(task("me", 1, me)), List.of("token"));
            TestPlan plan = plan(server.baseUrl(), rows, constantLoad(5, 2000), 2000, member);
            CollectingSink sink = new CollectingSink();

            run(plan, sink);

            assertThat(tokens.expiredRejections()).as("tokens expired during the run, at least once per user")
                    .isGreaterThanOrEqualTo(5);
            assertThat(sink.total().failures()).isZero();
            assertThat(sink.row("GET", "/me").requests()).isEqualTo(server.requestCount("GET", "/me"));
            assertThat(sink.row("POST", "/login").requests()).isEqualTo(server.requestCount("POST", "/login"))
                    .isEqualTo(tokens.issued());
        }
    }

    @Test
    void countsRequestsStillOpenAtTheStopTimeoutAsInterrupted() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/hang", Behaviour.ok().withDelay(Duration.ofSeconds(20)));
            Plans.Rows rows = new Plans.Rows();
            TestPlan plan = plan(server.baseUrl(), rows, constantLoad(4, 300), 300,
                    userClass("u", new WaitPlan.None(), task("hang", 1, rows.get("/hang", 30_000))));
            CollectingSink sink = new CollectingSink();
            long start = System.nanoTime();

            run(plan, sink);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            RowStats hang = sink.row("GET", "/hang");
            assertThat(hang.requests()).isEqualTo(4).isEqualTo(server.requestCount("GET", "/hang"));
            assertThat(sink.failuresByCause()).containsOnly(Map.entry(FailureCauses.INTERRUPTED, 4L));
        }
    }

    @Test
    void letsTasksInFlightFinishWithinTheStopTimeout() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/slow", Behaviour.ok().withDelay(Duration.ofMillis(400)));
            Plans.Rows rows = new Plans.Rows();
            TestPlan plan = plan(server.baseUrl(), rows, constantLoad(4, 300), 3000,
                    userClass("u", new WaitPlan.None(), task("slow", 1, rows.get("/slow"))));
            CollectingSink sink = new CollectingSink();

            run(plan, sink);

            RowStats slow = sink.row("GET", "/slow");
            assertThat(slow.requests()).isEqualTo(4).isEqualTo(server.requestCount("GET", "/slow"));
            assertThat(slow.failures()).isZero();
        }
    }

    @Test
    void survivesServersThatResetConnections() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/reset", Behaviour.resetConnection());
            Plans.Rows rows = new Plans.Rows();
            TestPlan plan = plan(server.baseUrl(), rows, constantLoad(2, 600), 1000,
                    userClass("u", new WaitPlan.Constant(20), task("reset", 1, rows.get("/reset"), rows.get("/never"))));
            CollectingSink sink = new CollectingSink();

            run(plan, sink);

            RowStats reset = sink.row("GET", "/reset");
            assertThat(reset.requests()).isEqualTo(server.requestCount("GET", "/reset")).isGreaterThan(5);
            assertThat(reset.failures()).isEqualTo(reset.requests());
            assertThat(sink.row("GET", "/never").requests()).as("a failed step ends its task").isZero();
            assertThat(sink.failuresByCause().keySet())
                    .allMatch(cause -> cause.startsWith("connection reset") || cause.equals(FailureCauses.CLOSED_BEFORE_RESPONSE));
        }
    }
}
