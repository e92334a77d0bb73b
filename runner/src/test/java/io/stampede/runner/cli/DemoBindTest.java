package io.stampede.runner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.stampede.runner.ExitCode;
import io.stampede.runner.testing.StampedeProcess;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code stampede demo --bind HOST:PORT}: the demo API listens where it is told, as the example target in a cluster
 * does with {@code demo --serve --bind 0.0.0.0:8080}. Tests bind 127.0.0.1 only.
 */
class DemoBindTest {

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesOnTheBoundAddressUntilTerminated() throws Exception {
        int port = freePort();
        try (StampedeProcess demo = StampedeProcess.in(dir).log("demo.log").maxHeap("128m")
                .start("demo", "--serve", "--bind", "127.0.0.1:" + port)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .ignoreException(ConnectException.class)
                    .until(() -> get(port, "/health").statusCode() == 200);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri(port, "/api/auth/login"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\": \"user1@example.com\", \"password\": \"demo-password\"}"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("access_token");
            assertThat(demo.output()).contains("Demo API listening on http://127.0.0.1:" + port);

            demo.terminate();   // SIGTERM, as the kubelet stops a pod
            assertThat(demo.awaitExit(Duration.ofSeconds(15))).as("exited after SIGTERM").isNotEqualTo(-1);
        }
    }

    @Test
    void runsTheBundledScenarioAgainstTheBoundAddress() {
        Cli.Outcome outcome = stampede("demo", "--bind", "127.0.0.1:0", "--duration", "1s", "--quiet",
                "--out", dir.toString());

        assertThat(outcome.exitCode()).as(outcome.all()).isIn(ExitCode.OK.code(), ExitCode.THRESHOLD_BREACHED.code());
        assertThat(outcome.out()).containsPattern("Demo API listening on http://127\\.0\\.0\\.1:[1-9][0-9]*")
                .containsPattern("The demo API answered [1-9][0-9]* requests");
        assertThat(dir.resolve("summary.json")).exists();
    }

    @Test
    void refusesBindTogetherWithPort() {
        Cli.Outcome outcome = stampede("demo", "--serve", "--bind", "127.0.0.1:0", "--port", "8089");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("--bind").contains("--port").doesNotContain("Exception");
    }

    @Test
    void refusesABindWithoutAPort() {
        Cli.Outcome outcome = stampede("demo", "--serve", "--bind", "0.0.0.0");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("HOST:PORT");
    }

    @Test
    void saysWhereTheDemoCanListenInItsHelp() {
        List<String> lines = stampede("demo", "--help").out().lines().toList();

        assertThat(lines).anySatisfy(line -> assertThat(line).contains("--bind=HOST:PORT"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("demo --serve --bind 0.0.0.0:8080"));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
