package io.stampede.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.ExitCode;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.ChromiumPage;
import io.stampede.runner.testing.HeadlessChromium;
import io.stampede.runner.testing.Latency;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTML report and the live view as a user sees them: a real run, a real server, the page in Chromium. */
class HtmlAndLiveViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOP = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: shop}
            spec:
              target: TARGET
              load: {users: 6, spawnRate: 100, duration: DURATION}
              userClasses:
                - name: shopper
                  wait: {constant: 20ms}
                  tasks:
                    - {name: view, weight: 3, request: {method: GET, path: "/api/products/${randomInt(1,9)}", name: "/api/products/{id}"}}
                    - {name: cart, request: {method: POST, path: /api/cart}}
              thresholds:
                - expr: p95 < 2s
            """;

    @TempDir
    Path dir;

    @Test
    void theHtmlReportOfARealRunShowsItsChartsRowsAndTotalsOffline() throws Exception {
        HeadlessChromium.assumeInstalled();
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/api/products/*", Behaviour.json(200, "{\"id\":1}").withLatency(Latency.fixed(Duration.ofMillis(5))));
            server.respond("POST", "/api/cart", Behaviour.status(503));
            Path test = file(dir, "shop.yaml", SHOP.replace("DURATION", "20s"), server.baseUrl());
            Path html = dir.resolve("out/report.html");
            Path json = dir.resolve("out/summary.json");

            Cli.Outcome run = stampede("run", test.toString(), "--json", json.toString(), "--html", html.toString(),
                    "--quiet");

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("HTML: " + html);
            JsonNode summary = JSON.readTree(json.toFile());
            assertThat(summary.at("/summary/total/requests").asLong()).isEqualTo(server.totalRequests());
            assertThat(summary.at("/history/elapsedSeconds").size()).isGreaterThanOrEqualTo(4);
            String dom = HeadlessChromium.dumpDom(html.toUri().toString(), 4000);
            assertThat(Pattern.compile("<canvas").matcher(dom).results().count()).isEqualTo(3);
            assertThat(dom).contains(">GET /api/products/{id}</td>").contains(">POST /api/cart</td>")
                    .contains(">Aggregated</td><td>" + grouped(server.totalRequests()) + "</td>")
                    .contains(">HTTP 503</td>");

            // the same page again, from the JSON alone
            Path again = dir.resolve("again.html");
            Cli.Outcome report = stampede("report", json.toString(), "--html", again.toString());
            assertThat(report.exitCode()).as(report.all()).isZero();
            assertThat(Files.readString(again)).isEqualTo(Files.readString(html));
        }
    }

    @Test
    void theLiveViewShowsTheRunWhileItGoesAndItsStopButtonEndsItWithReports() throws Exception {
        HeadlessChromium.assumeInstalled();
        try (TargetServer server = TargetServer.start()) {
            server.respondByDefault(Behaviour.ok().withLatency(Latency.fixed(Duration.ofMillis(5))));
            Path test = file(dir, "shop.yaml", SHOP.replace("DURATION", "60s"), server.baseUrl());
            int port = freePort();
            Path json = dir.resolve("live.json");
            CompletableFuture<Cli.Outcome> run = CompletableFuture.supplyAsync(() -> stampede("run", test.toString(),
                    "--web", String.valueOf(port), "--web-linger", "0s", "--json", json.toString(), "--quiet"));

            try (ChromiumPage page = openWhenServing("http://127.0.0.1:" + port + "/", run)) {
                page.await("document.querySelectorAll('#rows tbody tr').length", rows -> rows.asInt() == 3,
                        Duration.ofSeconds(20));
                page.await("document.getElementById('facts').textContent", facts -> !facts.asText().startsWith("0 requests")
                        && !facts.asText().contains(" 0 requests"), Duration.ofSeconds(20));
                assertThat(page.evaluate("document.getElementById('verdict').textContent").asText()).startsWith("RUNNING");
                assertThat(page.evaluate("document.querySelectorAll('canvas').length").asInt()).isEqualTo(3);
                assertThat(page.evaluate("document.getElementById('rows').textContent").asText())
                        .contains("GET /api/products/{id}").contains("POST /api/cart");

                page.evaluate("window.confirm = () => true; document.getElementById('stop').click(); true");

                Cli.Outcome outcome = run.get(30, TimeUnit.SECONDS);
                assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(ExitCode.OK.code());
                assertThat(outcome.out()).contains("stopped early: stopped through the API");
                JsonNode summary = JSON.readTree(json.toFile());
                assertThat(summary.at("/summary/total/requests").asLong()).isEqualTo(server.totalRequests()).isPositive();
            }
        }
    }

    /**
     * The open model's dropped arrivals, seen in the live view while the run goes and in the final HTML report:
     * 2 users for 20 arrivals/s against a target that holds each 400 ms, so most arrivals find no free user.
     * The run lasts until the view has been seen and this test stops it: Chromium starts slowly on a busy
     * machine, and a run of fixed length (8 s) could end before the page was open.
     */
    @Test
    void droppedArrivalsShowInTheLiveViewAndTheHtmlReport() throws Exception {
        HeadlessChromium.assumeInstalled();
        try (TargetServer server = TargetServer.start()) {
            server.respondByDefault(Behaviour.ok().withDelay(Duration.ofMillis(400)));
            Path test = file(dir, "busy.yaml", """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: busy}
                    spec:
                      target: TARGET
                      load:
                        arrivalRate: {rate: 20, duration: 5m, maxUsers: 2}
                      userClasses:
                        - name: visitor
                          tasks:
                            - {name: slow, request: {method: GET, path: /slow}}
                    """, server.baseUrl());
            int port = freePort();
            Path json = dir.resolve("busy.json");
            Path html = dir.resolve("busy.html");
            CompletableFuture<Cli.Outcome> run = CompletableFuture.supplyAsync(() -> stampede("run", test.toString(),
                    "--web", String.valueOf(port), "--web-linger", "0s", "--json", json.toString(),
                    "--html", html.toString(), "--quiet"));

            try (ChromiumPage page = openWhenServing("http://127.0.0.1:" + port + "/", run)) {
                page.await("(function () { var note = document.getElementById('arrivals-note'); "
                        + "return note && !note.hidden ? note.textContent : ''; })()",
                        note -> note.asText().contains("arrivals") && note.asText().contains("were dropped"),
                        Duration.ofSeconds(20));
                assertThat(page.evaluate("document.getElementById('verdict').textContent").asText())
                        .startsWith("RUNNING");
                assertThat(page.evaluate("document.getElementById('arrivals-figure').hidden").asBoolean()).isFalse();
                assertThat(page.evaluate("document.querySelectorAll('canvas').length").asInt()).isEqualTo(4);
            } finally {
                stopRun(port);
            }
            Cli.Outcome outcome = run.get(30, TimeUnit.SECONDS);
            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            JsonNode arrivals = JSON.readTree(json.toFile()).get("arrivals");
            long dropped = arrivals.get("dropped").asLong();
            // 2 users held 400 ms each start at most 5 of each second's 20 arrivals (and 2 more at the start):
            // most are dropped, however long the run went.
            assertThat(dropped).as(arrivals.toString()).isGreaterThan(arrivals.get("scheduled").asLong() / 2);
            String dom = HeadlessChromium.dumpDom(html.toUri().toString(), 4000);
            assertThat(Pattern.compile("<canvas").matcher(dom).results().count()).isEqualTo(4);
            String scheduled = grouped(arrivals.get("scheduled").asLong());
            assertThat(dom).contains(scheduled + " arrivals scheduled, " + grouped(dropped) + " dropped, "
                    + grouped(arrivals.get("late").asLong()) + " late")
                    .contains(grouped(dropped) + " of " + scheduled + " arrivals (");
        }
    }

    @Test
    void aTakenWebPortIsRefusedBeforeAnyRequest() throws Exception {
        try (TargetServer server = TargetServer.start(); ServerSocket taken = new ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Path test = file(dir, "shop.yaml", SHOP.replace("DURATION", "2s"), server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "--web", "127.0.0.1:" + taken.getLocalPort());

            assertThat(outcome.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(outcome.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(server.totalRequests()).isZero();
        }
    }

    @Test
    void aFileThatIsNotASummaryIsBadInputForReport() throws Exception {
        Path notSummary = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");

        Cli.Outcome outcome = stampede("report", notSummary.toString(), "--html", dir.resolve("x.html").toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("is not a Stampede JSON summary");
        assertThat(dir.resolve("x.html")).doesNotExist();
    }

    private static ChromiumPage openWhenServing(String url, CompletableFuture<Cli.Outcome> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (run.isDone()) throw new AssertionError("the run ended before its view was opened: " + run.get().all());
            try (var socket = new java.net.Socket("127.0.0.1", java.net.URI.create(url).getPort())) {
                return ChromiumPage.open(url);
            } catch (java.net.ConnectException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the live view never listened at " + url);
    }

    /** Stops the local run serving its view on {@code port} (its stop needs no token); quiet if it already ended. */
    private static void stopRun(int port) throws InterruptedException {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/stop")).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException ended) {
            // the run is over: nothing to stop
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String grouped(long value) {
        return String.format(Locale.US, "%,d", value);
    }
}
