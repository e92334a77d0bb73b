package io.stampede.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.ExitCode;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The open model ({@code spec.load.arrivalRate}) as a user runs it, against real servers on 127.0.0.1: arrivals
 * are sent whatever the target does, latency counts from the scheduled start (no coordinated omission), and
 * arrivals that find every user busy are dropped and counted.
 */
class OpenModelRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * The coordinated-omission oracle. The target answers at once, except that it holds every answer during the
     * last second of each 5 s cycle and releases them all when the cycle ends.
     *
     * <p>The truth: arrivals come at a constant rate, so their phase in the cycle is uniform over the run (15 s is
     * three whole cycles, whatever the run's start is relative to the target's cycle). 1/5 of them fall in the
     * stall and wait until it ends, the remainder of the stall, uniform over (0, 1 s]; the others wait ~0. So
     * P(latency > x) = 0.2 * (1 - x / 1000 ms) for 0 <= x <= 1000 ms, and the q-quantile solves
     * 0.2 * (1 - x / 1000) = 1 - q: p90 = 500 ms, p95 = 750 ms, p99 = 950 ms. Gatling measured 762 and 954.
     * A closed model, which stops sending while the target stalls, reports a p90 and p95 of a few ms instead.
     *
     * <p>Timing: a short run against a path that never stalls comes first, so that the generator and this
     * in-process target are compiled before the measured run. The percentiles are judged only when the generator
     * kept up: on a busy machine its late starts (counted as {@code late}, and measured as latency from their
     * schedule, as they should be) are the generator's delay, not the target's, and the run says so. A run in its
     * own processes, as users run it, is in docs/benchmarks.md (bench/open-model.sh).
     */
    @Test
    void aStallingTargetShowsInThePercentilesAndEveryArrivalIsSent() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            long cycleStart = System.nanoTime();
            server.respond("GET", "/hello", request -> Behaviour.ok().withDelay(stallRemainder(cycleStart)));
            String yaml = """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: stall}
                    spec:
                      target: TARGET
                      load:
                        arrivalRate: {rate: 200, per: 1s, duration: 15s, maxUsers: 1000}
                      defaults: {timeout: 5s}
                      userClasses:
                        - name: visitor
                          tasks:
                            - name: hello
                              request: {method: GET, path: /hello}
                      thresholds:
                        - expr: dropped <= 0
                    """;
            Path warmUp = file(dir, "warm-up.yaml", yaml.replace("/hello", "/warm-up").replace("15s", "3s"),
                    server.baseUrl());
            assertThat(stampede("run", warmUp.toString(), "-q").exitCode()).isEqualTo(ExitCode.OK.code());
            long warmUpRequests = server.totalRequests();
            Path test = file(dir, "stall.yaml", yaml, server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "--json", dir.resolve("s.json").toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(ExitCode.OK.code());
            JsonNode summary = JSON.readTree(dir.resolve("s.json").toFile());
            JsonNode total = summary.at("/summary/total");
            long sent = total.get("requests").asLong();
            System.out.printf("open-model oracle: sent %d, p50 %.1f p90 %.1f p95 %.1f p99 %.1f max %.1f ms, "
                            + "late %d; the server's own p90 %.1f p99 %.1f ms%n", sent, total.get("p50Ms").asDouble(),
                    total.get("p90Ms").asDouble(), total.get("p95Ms").asDouble(), total.get("p99Ms").asDouble(),
                    total.get("maxMs").asDouble(), summary.at("/arrivals/late").asLong(),
                    server.servedLatencyMicros().getValueAtPercentile(90) / 1000.0,
                    server.servedLatencyMicros().getValueAtPercentile(99) / 1000.0);
            assertThat(sent).as("requests sent").isCloseTo(3000, within(15L));
            assertThat(server.totalRequests() - warmUpRequests).as("requests the target saw").isEqualTo(sent);
            assertThat(summary.at("/arrivals/scheduled").asLong()).isEqualTo(3000);
            assertThat(summary.at("/arrivals/dropped").asLong()).isZero();
            assertThat(total.get("failures").asLong()).isZero();
            long late = summary.at("/arrivals/late").asLong();
            assumeTrue(late <= 15 && !summary.at("/generator/saturated").asBoolean(), "the generator did not keep "
                    + "up (" + late + " late starts, saturated " + summary.at("/generator/saturatedSeconds")
                    + " s): its own delay is in the percentiles, which are not judged");
            assertThat(total.get("p90Ms").asDouble()).as("p90").isCloseTo(500, within(25.0));
            assertThat(total.get("p95Ms").asDouble()).as("p95").isCloseTo(750, within(37.5));
            assertThat(total.get("p99Ms").asDouble()).as("p99").isCloseTo(950, within(47.5));
        }
    }

    /** What is left of the stall when a request arrives now; zero outside it. */
    private static Duration stallRemainder(long cycleStartNanos) {
        long phaseMillis = (System.nanoTime() - cycleStartNanos) / 1_000_000 % 5000;
        return phaseMillis < 4000 ? Duration.ZERO : Duration.ofMillis(5000 - phaseMillis);
    }

    /**
     * Too few users for a slow target: each holds a user 400 ms, so 2 users take at most ~5 of the 20 arrivals
     * per second. Every arrival is either started or dropped, and the target sees exactly the started ones.
     */
    @Test
    void arrivalsThatFindEveryUserBusyAreDroppedAndCounted() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/slow", Behaviour.ok().withDelay(Duration.ofMillis(400)));
            Path test = file(dir, "busy.yaml", """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: busy}
                    spec:
                      target: TARGET
                      load:
                        arrivalRate: {rate: 20, duration: 3s, maxUsers: 2}
                      userClasses:
                        - name: visitor
                          tasks:
                            - name: slow
                              request: {method: GET, path: /slow}
                      thresholds:
                        - expr: dropped < 1%
                    """, server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "--json", dir.resolve("b.json").toString(),
                    "--csv", dir.resolve("b").toString());

            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(ExitCode.THRESHOLD_BREACHED.code());
            JsonNode summary = JSON.readTree(dir.resolve("b.json").toFile());
            JsonNode arrivals = summary.get("arrivals");
            long scheduled = arrivals.get("scheduled").asLong();
            long started = arrivals.get("started").asLong();
            long dropped = arrivals.get("dropped").asLong();
            assertThat(scheduled).isEqualTo(60);
            assertThat(dropped).isEqualTo(scheduled - started).isGreaterThan(30);
            assertThat(summary.at("/summary/total/requests").asLong()).isEqualTo(started);
            assertThat(server.totalRequests()).as("requests the target saw").isEqualTo(started);
            assertThat(summary.at("/history/dropped")).isNotEmpty();
            long droppedPerSecond = 0;
            for (JsonNode second : summary.at("/history/dropped")) droppedPerSecond += second.asLong();
            assertThat(droppedPerSecond).as("the history's seconds add up").isEqualTo(dropped);
            assertThat(outcome.out()).contains("WARNING: " + dropped + " of 60 arrivals")
                    .contains("dropped < 1%").contains(dropped + " dropped");
            List<String> csv = Files.readAllLines(dir.resolve("b_stats_history.csv"));
            assertThat(csv.get(0)).endsWith("Total Average Content Size,Dropped/s,Late/s");
            long csvDropped = csv.stream().skip(1)
                    .mapToLong(line -> Long.parseLong(line.split(",")[line.split(",").length - 2])).sum();
            assertThat(csvDropped).isEqualTo(dropped);
        }
    }

    /**
     * Users are pooled and keep their state: each logs in once, on its first iteration, and its later iterations
     * reuse the token. Only an iteration's first request is timed from the schedule: the second step follows the
     * slow first one's answer at once and is timed from its own send.
     */
    @Test
    void usersLogInOnceAndOnlyTheFirstRequestOfAnIterationIsTimedFromTheSchedule() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("POST", "/login", Behaviour.json(200, "{\"token\": \"t-1\"}"));
            server.respond("GET", "/slow", request -> "Bearer t-1".equals(request.header("Authorization"))
                    ? Behaviour.ok().withDelay(Duration.ofMillis(300)) : Behaviour.status(401));
            server.respond("GET", "/fast", Behaviour.ok());
            Path test = file(dir, "pool.yaml", """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: pool}
                    spec:
                      target: TARGET
                      load:
                        arrivalRate: {rate: 10, duration: 3s, maxUsers: 20}
                      userClasses:
                        - name: member
                          onStart:
                            - request: {method: POST, path: /login}
                              extract: {token: {jsonPath: $.token}}
                          headers: {Authorization: "Bearer ${token}"}
                          tasks:
                            - name: slow then fast
                              steps:
                                - request: {method: GET, path: /slow}
                                - request: {method: GET, path: /fast}
                    """, server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "--json", dir.resolve("p.json").toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(ExitCode.OK.code());
            JsonNode summary = JSON.readTree(dir.resolve("p.json").toFile());
            assertThat(summary.at("/arrivals/started").asLong()).isEqualTo(30);
            assertThat(server.requestCount("GET", "/slow")).isEqualTo(30);
            assertThat(server.requestCount("GET", "/fast")).isEqualTo(30);
            long logins = server.requestCount("POST", "/login");
            assertThat(logins).as("one login per user, users reused: ~3-4 busy at 10/s x 0.3 s")
                    .isGreaterThanOrEqualTo(3).isLessThan(20);
            assertThat(summary.at("/summary/total/failures").asLong()).isZero();
            JsonNode rows = summary.at("/summary/requests");
            double slowP50 = -1;
            double fastP50 = -1;
            for (JsonNode row : rows) {
                if (row.get("name").asText().equals("GET /slow")) slowP50 = row.get("p50Ms").asDouble();
                if (row.get("name").asText().equals("GET /fast")) fastP50 = row.get("p50Ms").asDouble();
            }
            assertThat(slowP50).as("the first request waits for the target").isGreaterThanOrEqualTo(300);
            assertThat(fastP50).as("the second is timed from its own send, not the schedule").isLessThan(150);
        }
    }
}
