package io.stampede.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.ExitCode;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.ReceivedRequest;
import io.stampede.runner.testing.SamplePlugins;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.stampede.runner.testing.SummaryRows.causes;
import static io.stampede.runner.testing.SummaryRows.rows;
import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java extension API end to end, in-process, against a real server on 127.0.0.1: a plugin's template function,
 * request signer (on a class, replaced on one request) and check do what the file says, and the rows' counts are
 * the server's; a plugin that throws fails its request with {@code plugin NAME: <message>}, once per request, and
 * the run goes on.
 */
class PluginsRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String EXTENSIONS = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: extensions}
            spec:
              target: TARGET
              load: {users: 2, spawnRate: 50, duration: 4s}
              variables:
                who: s3cr3t-class
              userClasses:
                - name: signed
                  order: sequential
                  wait: {constant: 20ms}
                  sign: {plugin: tag, with: {who: "${who}"}}
                  tasks:
                    - request: {method: GET, path: "/shout/${shout(hi)}", name: /shout}
                    - request: {method: POST, path: /signed, body: abc, sign: {plugin: tag, with: {who: "user-${userId}"}}}
                    - request: {method: GET, path: /word}
                      expect:
                        checks: [{plugin: hasWord, with: {word: hello}}]
                    - request: {method: GET, path: /noword}
                      expect:
                        checks: [{plugin: hasWord, with: {word: hello}}]
            """;

    @TempDir
    Path dir;
    private Path plugins;

    @BeforeEach
    void buildPlugins() {
        plugins = dir.resolve("plugins");
        SamplePlugins.sample(plugins);
    }

    @Test
    void aFunctionASignerAndACheckFromAPluginDoWhatTheFileSays() throws Exception {
        Map<String, Set<String>> signedBy = new ConcurrentHashMap<>();
        Map<String, Boolean> wellSigned = new ConcurrentHashMap<>();
        try (TargetServer server = TargetServer.start()) {
            server.respond("POST", "/signed", request -> record(request, signedBy, wellSigned, 3));
            server.respond("GET", "/word", request -> {
                record(request, signedBy, wellSigned, 0);
                return Behaviour.ok().withBody("hello world");
            });
            server.respond("GET", "/noword", Behaviour.ok().withBody("goodbye"));
            Path test = file(dir, "extensions.yaml", EXTENSIONS, server.baseUrl());
            Path json = dir.resolve("extensions.json");

            Cli.Outcome outcome = stampede("run", test.toString(), "-q", "--plugins", plugins.toString(),
                    "--json", json.toString());

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            JsonNode report = JSON.readTree(json.toFile());
            Map<String, long[]> rows = rows(report);
            // Every task once in 4 s at 20 ms: a sequential user reaches each even on a machine that stalls the run
            // for seconds (2 s once left a row without a request under a load average of 26).
            assertThat(rows).as(outcome.all()).containsKeys("GET /shout", "POST /signed", "GET /word", "GET /noword");
            assertThat(rows.get("GET /shout")[0]).as("the function rendered /shout/HI: the server's count")
                    .isEqualTo(server.requestCount("GET", "/shout/HI")).isPositive();
            for (String row : new String[]{"POST /signed", "GET /word", "GET /noword"}) {
                String[] parts = row.split(" ");
                assertThat(rows.get(row)[0]).as(row + ": runner and server count")
                        .isEqualTo(server.requestCount(parts[0], parts[1])).isPositive();
            }
            assertThat(wellSigned).as("line, body length and host as the signer saw them").doesNotContainValue(false);
            assertThat(signedBy.get("/word")).as("the class's signer").containsExactly("s3cr3t-class");
            assertThat(signedBy.get("/signed")).as("the request's own signer, its setting rendered per user")
                    .containsExactlyInAnyOrder("user-1", "user-2");
            assertThat(rows.get("POST /signed")[1]).isZero();
            assertThat(rows.get("GET /word")[1]).as("the check passes a body with the word").isZero();
            assertThat(rows.get("GET /noword")[1]).as("the check fails every body without it")
                    .isEqualTo(rows.get("GET /noword")[0]);
            assertThat(report.path("failures").toString()).contains("body lacks hello");
            assertThat(outcome.all() + Files.readString(json)).as("a setting's value is never printed")
                    .doesNotContain("s3cr3t");
        }
    }

    @Test
    void aPluginThatThrowsFailsItsRequestWithItsNameAndTheRunGoesOn() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            Path test = file(dir, "throws.yaml", """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: throws}
                    spec:
                      target: TARGET
                      load: {users: 2, spawnRate: 50, duration: 3s}
                      userClasses:
                        - name: unlucky
                          order: sequential
                          wait: {constant: 20ms}
                          tasks:
                            - request: {method: GET, path: "/f/${boom()}", name: /f}
                            - request: {method: GET, path: /s, sign: {plugin: failingSigner}}
                            - request: {method: GET, path: /c}
                              expect: {checks: [{plugin: throwingCheck}]}
                            - request: {method: GET, path: /fine}
                    """, server.baseUrl());
            Path json = dir.resolve("throws.json");

            Cli.Outcome outcome = stampede("run", test.toString(), "-q", "--plugins", plugins.toString(),
                    "--json", json.toString());

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            assertThat(outcome.all()).doesNotContain("Exception").doesNotContain("\tat ");
            JsonNode report = JSON.readTree(json.toFile());
            Map<String, long[]> rows = rows(report);
            assertThat(causes(report)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "GET /f", "plugin boom: boom",
                    "GET /s", "plugin failingSigner: no key",
                    "GET /c", "plugin throwingCheck: bad check"));
            assertThat(rows.get("GET /f")[1]).as("each failed render counted once").isEqualTo(rows.get("GET /f")[0]);
            assertThat(server.requestCount("GET", "/s")).as("an unsigned request is not sent").isZero();
            assertThat(rows.get("GET /c")[0]).as("checked responses: the server's count")
                    .isEqualTo(server.requestCount("GET", "/c")).isEqualTo(rows.get("GET /c")[1]);
            assertThat(rows.get("GET /fine")[0]).as("the run went on: each user got past the failures")
                    .isEqualTo(server.requestCount("GET", "/fine")).isGreaterThanOrEqualTo(2);
            assertThat(rows.get("GET /fine")[1]).isZero();
        }
    }

    @Test
    void aPluginThatBlocksItsLoopIsNamedAndTheRunStillEnds() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            // One user, so one loop blocks (8 s per signature) and the other runs on: the run must end after its
            // duration, the stop timeout and the engine's grace (1 + 1 + 3 s), not after the plugin.
            Path test = file(dir, "blocks.yaml", """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: blocks}
                    spec:
                      target: TARGET
                      load: {users: 1, duration: 1s, stopTimeout: 1s}
                      userClasses:
                        - name: stuck
                          tasks:
                            - request: {method: GET, path: /s, sign: {plugin: sleepy, with: {millis: "8000"}}}
                    """, server.baseUrl());
            long start = System.nanoTime();

            Cli.Outcome outcome = stampede("run", test.toString(), "-q", "--plugins", plugins.toString());

            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(outcome.err()).as(outcome.all())
                    .containsPattern("plugin sleepy has blocked event loop stampede-loop-[0-9-]+ for \\d+ ms")
                    .containsPattern("the run ends without event loop stampede-loop-[0-9-]+, which is blocked in "
                            + "plugin sleepy");
            assertThat(tookMillis).as("the run ended before the plugin returned (8 s)").isLessThan(8_000);
            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
        }
    }

    @Test
    void aCustomStepRunsOnTheUsersLoopIsCountedInItsRowAndTimesOut() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("POST", "/login", Behaviour.json(200, "{\"token\": \"t-1\"}"));
            Path test = file(dir, "steps.yaml", """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: steps}
                    spec:
                      target: TARGET
                      load: {users: 2, spawnRate: 50, duration: 3s}
                      userClasses:
                        - name: publisher
                          order: sequential
                          wait: {constant: 20ms}
                          onStart:
                            - request: {method: POST, path: /login}
                              extract: {token: {jsonPath: $.token}}
                          tasks:
                            - steps:
                                - step: {plugin: pause, name: publish order, with: {millis: "30"}}
                                - request: {method: GET, path: /after-publish}
                            - steps:
                                - step: {plugin: never, timeout: 200ms}
                                - request: {method: GET, path: /never-reached}
                            - steps:
                                - step: {plugin: broken}
                            - request: {method: GET, path: /fine}
                    """, server.baseUrl());
            Path json = dir.resolve("steps.json");

            Cli.Outcome outcome = stampede("run", test.toString(), "-q", "--plugins", plugins.toString(),
                    "--json", json.toString());

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            JsonNode report = JSON.readTree(json.toFile());
            Map<String, long[]> rows = rows(report);
            assertThat(rows.get("STEP publish order")[0]).as(report.toString()).isPositive();
            assertThat(rows.get("STEP publish order")[1]).as("the step read the extracted token").isZero();
            assertThat(rows.get("GET /after-publish")[0]).as("the next step ran after each publish")
                    .isEqualTo(server.requestCount("GET", "/after-publish")).isEqualTo(rows.get("STEP publish order")[0]);
            assertThat(report.path("summary").path("requests").toString())
                    .as("the plugin's own latency (30 ms) is the row's").contains("\"name\":\"STEP publish order\"");
            assertThat(causes(report)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "STEP never", "plugin never: did not finish within 200ms",
                    "STEP broken", "plugin broken: queue down"));
            assertThat(rows.get("STEP never")[1]).isEqualTo(rows.get("STEP never")[0]).isPositive();
            assertThat(server.requestCount("GET", "/never-reached")).as("a failed step ends its task").isZero();
            assertThat(rows.get("GET /fine")[0]).isEqualTo(server.requestCount("GET", "/fine")).isPositive();
        }
    }

    private static Behaviour record(ReceivedRequest request, Map<String, Set<String>> signedBy,
                                    Map<String, Boolean> wellSigned, int bodyBytes) {
        String path = request.pathAndQuery();
        signedBy.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet()).add(request.header("X-Signed-By"));
        boolean ok = (request.method() + " " + path).equals(request.header("X-Line"))
                && String.valueOf(bodyBytes).equals(request.header("X-Body-Bytes"))
                && "yes".equals(request.header("X-Host-Seen"));
        wellSigned.merge(path, ok, Boolean::logicalAnd);
        return Behaviour.ok();
    }
}
