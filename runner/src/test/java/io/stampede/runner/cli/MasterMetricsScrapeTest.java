package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.Latency;
import io.stampede.runner.testing.Promtool;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What Prometheus scrapes from a running master ({@code /metrics} of its API port, the port {@code --web} opens):
 * accepted by {@code promtool check metrics}, with latency as a real histogram and summaries in seconds.
 */
class MasterMetricsScrapeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TEST = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: scraped}
            spec:
              target: TARGET
              load: {users: 4, spawnRate: 100, duration: 60s}
              userClasses:
                - name: u
                  wait: {constant: 20ms}
                  tasks:
                    - {name: slow, request: {method: GET, path: /slow}}
                    - {name: broken, request: {method: POST, path: /broken}}
            """;

    private static final Pattern BROKEN_FAILED =
            Pattern.compile("stampede_failures_total\\{cause=\"HTTP 503\",request=\"POST /broken\"} [1-9]");
    private static final Pattern RECENT_P95_OF_SLOW =
            Pattern.compile("stampede_latency_recent_seconds\\{request=\"GET /slow\",quantile=\"0.95\"} [0-9]");

    @TempDir
    Path dir;

    @Test
    void aRunningMastersScrapePassesPromtoolWithHistogramsSummariesAndCounters() throws Exception {
        Promtool.assumeInstalled();
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/slow", Behaviour.ok().withLatency(Latency.fixed(Duration.ofMillis(10))));
            server.respond("POST", "/broken", Behaviour.status(503));
            Path test = file(dir, "scraped.yaml", TEST, server.baseUrl());
            int port = freePort();
            CompletableFuture<Cli.Outcome> run = CompletableFuture.supplyAsync(() -> stampede("run", test.toString(),
                    "--web", "127.0.0.1:" + port, "--web-linger", "0s", "--quiet"));
            URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");

            // once a second has been merged, the window has figures of its own; the tasks are drawn by weight, so
            // the scrape is taken once it also counts a failure of /broken (not the first second's luck of the draw)
            String scrape = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions().until(() -> get(metrics),
                            body -> RECENT_P95_OF_SLOW.matcher(body).find() && BROKEN_FAILED.matcher(body).find());
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stop"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(run.get(30, TimeUnit.SECONDS).exitCode()).isEqualTo(ExitCode.OK.code());

            Promtool.Verdict verdict = Promtool.checkMetrics(scrape);
            assertThat(verdict.clean()).as("promtool check metrics said (exit %d): %s%non:%n%s",
                    verdict.exitCode(), verdict.output(), scrape).isTrue();
            assertThat(scrape).contains("# TYPE stampede_request_duration_seconds histogram")
                    .contains("# TYPE stampede_latency_seconds summary")
                    .contains("# TYPE stampede_latency_recent_seconds summary")
                    .contains("# TYPE stampede_requests_total counter")
                    .contains("# TYPE stampede_failures_total counter")
                    .contains("# TYPE stampede_response_bytes_total counter")
                    .containsPattern("stampede_latency_seconds\\{request=\"Aggregated\",quantile=\"0.95\"} [0-9]")
                    .doesNotContain("milliseconds");
            // /slow answers after 10 ms: none at most 5 ms, all of them at most +Inf
            assertThat(scrape).contains("stampede_request_duration_seconds_bucket{request=\"GET /slow\",le=\"0.005\"} 0\n");
            assertThat(value(scrape, "stampede_request_duration_seconds_bucket{request=\"GET /slow\",le=\"+Inf\"}"))
                    .isEqualTo(value(scrape, "stampede_request_duration_seconds_count{request=\"GET /slow\"}"))
                    .isPositive();
        }
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        return response.body();
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(matcher.find()).as("%s in%n%s", series, scrape).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
