package io.stampede.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.ReceivedRequest;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --events FILE} (Locust's request event, k6's outputs) and {@code spec.notify} webhooks (Locust's
 * test_start/test_stop hooks posting to chat): what they say is checked against what the servers received.
 */
class EventsAndNotifyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SHOP = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: events}
            spec:
              target: TARGET
              load: {users: 4, spawnRate: 100, duration: 2500ms}
              NOTIFY
              userClasses:
                - name: u
                  wait: {constant: 20ms}
                  tasks:
                    - {name: ok, weight: 3, request: {method: GET, path: "/items?page=${randomInt(1,3)}"}}
                    - {name: broken, weight: 1, request: {method: GET, path: /broken}}
              thresholds:
                - expr: THRESHOLD
            """;

    @TempDir
    Path dir;

    private static TargetServer shop() {
        TargetServer server = TargetServer.start();
        server.respond("GET", "/items", Behaviour.ok());
        server.respond("GET", "/broken", Behaviour.status(500));
        return server;
    }

    private Path test(TargetServer server, String notify, String threshold) {
        return file(dir, "events.yaml", SHOP.replace("NOTIFY", notify).replace("THRESHOLD", threshold),
                server.baseUrl());
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) lines.add(JSON.readTree(line));
        return lines;
    }

    @Test
    void aLinePerRequestWithItsRowStatusLatencyAndCauseOneForEachRequestTheServerReceived() throws Exception {
        try (TargetServer server = shop()) {
            Path events = dir.resolve("events.jsonl");

            Cli.Outcome outcome = stampede("run", test(server, "", "failureRate < 100%").toString(), "-q",
                    "--events", events.toString(), "--events-per", "request");

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            List<JsonNode> lines = lines(events);
            assertThat(lines).allSatisfy(line -> assertThat(line.path("type").asText()).isEqualTo("request"));
            long items = lines.stream().filter(line -> line.path("row").asText().equals("GET /items")).count();
            List<JsonNode> broken = lines.stream().filter(line -> line.path("row").asText().equals("GET /broken"))
                    .toList();
            assertThat(lines).hasSize((int) server.totalRequests());
            assertThat(items).isEqualTo(server.requestCount("GET", "/items")).isGreaterThan(50);
            assertThat(broken).hasSize((int) server.requestCount("GET", "/broken")).isNotEmpty();
            assertThat(broken).allSatisfy(line -> {
                assertThat(line.path("status").asInt()).isEqualTo(500);
                assertThat(line.path("cause").asText()).isEqualTo("HTTP 500");
            });
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.path("latencyMs").asDouble()).isGreaterThan(0).isLessThan(5000);
                assertThat(line.path("time").asLong()).isGreaterThan(1_700_000_000_000L);
            });
            assertThat(lines.stream().filter(line -> line.path("row").asText().equals("GET /items")))
                    .allSatisfy(line -> assertThat(line.path("cause").isNull()).isTrue());
        }
    }

    @Test
    void aLinePerSecondWithTheHistoryRowWhoseCountsAddUpToWhatTheServerReceived() throws Exception {
        try (TargetServer server = shop()) {
            Path events = dir.resolve("seconds.jsonl");
            Path json = dir.resolve("summary.json");

            Cli.Outcome outcome = stampede("run", test(server, "", "failureRate < 100%").toString(), "-q",
                    "--events", events.toString(), "--json", json.toString());

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            List<JsonNode> lines = lines(events);
            assertThat(lines).hasSizeBetween(2, 4);
            assertThat(lines).allSatisfy(line -> assertThat(line.path("type").asText()).isEqualTo("second"));
            assertThat(lines.stream().mapToLong(line -> line.path("requests").asLong()).sum())
                    .isEqualTo(server.totalRequests())
                    .isEqualTo(JSON.readTree(json.toFile()).at("/summary/total/requests").asLong());
            JsonNode last = lines.get(lines.size() - 1);
            assertThat(last.path("totalRequests").asLong()).isEqualTo(server.totalRequests());
            assertThat(last.path("rows")).extracting(row -> row.path("row").asText())
                    .containsExactlyInAnyOrder("GET /broken", "GET /items");
        }
    }

    @Test
    void badEventsFlagsAreRejectedWithTheFlagBeforeAnyRequest() {
        try (TargetServer server = shop()) {
            Path test = test(server, "", "failureRate < 100%");

            Cli.Outcome per = stampede("run", test.toString(), "-q", "--events", dir.resolve("e").toString(),
                    "--events-per", "minute");
            Cli.Outcome alone = stampede("run", test.toString(), "-q", "--events-per", "request");
            Cli.Outcome directory = stampede("run", test.toString(), "-q", "--events", dir.toString());
            Cli.Outcome master = stampede("master", test.toString(), "--expect-workers", "1", "--events",
                    dir.resolve("m").toString(), "--events-per", "request");

            assertThat(per.exitCode()).isEqualTo(2);
            assertThat(per.err()).contains("--events-per: expected request or second, got 'minute'");
            assertThat(alone.exitCode()).isEqualTo(2);
            assertThat(alone.err()).contains("--events-per goes with --events FILE");
            assertThat(directory.exitCode()).isEqualTo(2);
            assertThat(directory.err()).contains("--events").contains("is a directory");
            assertThat(master.exitCode()).isEqualTo(2);
            assertThat(master.err()).contains("--events-per request: the master sees each worker's second");
            assertThat(per.all() + alone.all() + directory.all() + master.all()).doesNotContain("Exception");
            assertThat(server.totalRequests()).isZero();
        }
    }

    @Test
    void webhooksReceiveTheStartAndTheEndWithTheSummaryAndABreachWhenAThresholdFails() throws Exception {
        try (TargetServer server = shop(); TargetServer hooks = TargetServer.start()) {
            hooks.respond("POST", "/chat", Behaviour.status(204));
            hooks.respond("POST", "/alerts", Behaviour.status(204));
            String notify = "notify:\n"
                    + "    - {url: \"" + hooks.baseUrl() + "/chat?token=s3cret\", on: [start, end]}\n"
                    + "    - {url: \"" + hooks.baseUrl() + "/alerts\", on: [breach]}";

            Cli.Outcome outcome = stampede("run", test(server, notify, "failureRate < 1%").toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(1);
            List<ReceivedRequest> posts = hooks.recentRequests();
            assertThat(posts).extracting(ReceivedRequest::pathAndQuery)
                    .containsExactly("/chat?token=s3cret", "/chat?token=s3cret", "/alerts");
            JsonNode start = JSON.readTree(posts.get(0).body());
            JsonNode end = JSON.readTree(posts.get(1).body());
            JsonNode breach = JSON.readTree(posts.get(2).body());
            assertThat(posts.get(0).header("Content-Type")).isEqualTo("application/json");
            assertThat(start.path("event").asText()).isEqualTo("start");
            assertThat(start.path("loadTest").asText()).isEqualTo("events");
            assertThat(start.path("target").asText()).isEqualTo(server.baseUrl());
            assertThat(end.path("event").asText()).isEqualTo("end");
            assertThat(end.path("exitCode").asInt()).isEqualTo(1);
            assertThat(end.at("/summary/summary/total/requests").asLong()).isEqualTo(server.totalRequests());
            assertThat(end.at("/summary/thresholds/0/passed").asBoolean()).isFalse();
            assertThat(breach.path("event").asText()).isEqualTo("breach");
            assertThat(breach.path("message").asText()).isEqualTo(end.path("message").asText()).contains("failureRate");
        }
    }

    @Test
    void aRunThatPassesPostsNoBreachAndAnUnreachableWebhookIsAWarningNamingOnlyItsHost() throws Exception {
        try (TargetServer server = shop(); TargetServer hooks = TargetServer.start()) {
            hooks.respond("POST", "/alerts", Behaviour.status(204));
            String notify = "notify:\n"
                    + "    - {url: \"" + hooks.baseUrl() + "/alerts\", on: [breach, end]}\n"
                    + "    - {url: \"http://127.0.0.1:1/hook/s3cret\"}";

            Cli.Outcome outcome = stampede("run", test(server, notify, "failureRate < 100%").toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            assertThat(hooks.recentRequests()).extracting(request -> JSON.readTree(request.body()).path("event")
                    .asText()).containsExactly("end");
            assertThat(outcome.err()).contains("WARNING: notify end to http://127.0.0.1:1: ")
                    .doesNotContain("s3cret");
        }
    }

    @Test
    void aBadWebhookIsRejectedWithItsFieldPath() {
        try (TargetServer server = shop()) {
            String notify = "notify:\n"
                    + "    - {url: \"ftp://hooks.example.com/x\"}\n"
                    + "    - {url: \"https://hooks.example.com/x\", on: [stop]}";

            Cli.Outcome outcome = stampede("run", test(server, notify, "failureRate < 100%").toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(2);
            assertThat(outcome.err()).contains("spec.notify[0].url: expected an http or https URL")
                    .contains("spec.notify[1].on[0]: expected one of start, end, breach, got 'stop'");
            assertThat(server.totalRequests()).isZero();
        }
    }
}
