package io.stampede.operator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Prometheus server ({@code /usr/bin/prometheus}) run for one test on 127.0.0.1 with a throw-away config and
 * storage: it scrapes what the test gives it and answers PromQL through {@code /api/v1/query}. Close kills the
 * process it started (only that one). Skips the test where Prometheus is not installed, fails it on CI.
 */
final class PrometheusServer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final URI base;

    private PrometheusServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static void assumeInstalled() {
        boolean present = Files.isExecutable(BINARY);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI needs Debian's prometheus: " + BINARY + " is missing");
        }
        assumeTrue(present, "the Prometheus server is not installed (apt-get install prometheus)");
    }

    /** Starts Prometheus with {@code scrapeConfigs} (YAML list items, indented by 2) at a 1 s scrape interval. */
    static PrometheusServer start(Path dir, String scrapeConfigs) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("prometheus.yml"),
                "global: {scrape_interval: 1s, evaluation_interval: 1s}\nscrape_configs:\n" + scrapeConfigs);
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(server.base.resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return server;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        server.close();
        throw new AssertionError("Prometheus did not get ready in 20 s: " + Files.readString(dir.resolve("prometheus.log")));
    }

    /** The series an instant query returns now, NaN values left out (Grafana draws nothing for them). */
    List<JsonNode> query(String promql) throws IOException, InterruptedException {
        URI uri = base.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode answer = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body());
        if (!"success".equals(answer.path("status").asText())) {
            throw new AssertionError("Prometheus refused " + promql + ": " + answer);
        }
        List<JsonNode> series = new ArrayList<>();
        for (JsonNode one : answer.path("data").path("result")) {
            if (!"NaN".equals(one.path("value").path(1).asText())) series.add(one);
        }
        return series;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
