package io.stampede.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.ExitCode;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.stampede.runner.testing.SummaryRows.causes;
import static io.stampede.runner.testing.SummaryRows.rows;
import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code expect.json}, {@code expect.headers} and {@code expect.maxLatency} against a real server on 127.0.0.1:
 * each check passes or fails as written, a failure's cause names the check, a slow response is a failure of its
 * own cause, and the rows' counts are the server's. Bad checks exit 2 with the field path, nothing sent.
 */
class ResponseChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CHECKS = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: checks}
            spec:
              target: TARGET
              load: {users: 2, spawnRate: 50, duration: 3s}
              userClasses:
                - name: buyer
                  order: sequential         # every check runs in every cycle, however slow the first one is
                  wait: {constant: 20ms}
                  tasks:
                    - request: {method: GET, path: /order}
                      expect:
                        status: [200]
                        json: {"$.status": ok, "$.items.length()": "> 0", "$.total": 12.5, "$.paid": true,
                               "$.id": "matches /^o-[0-9]+$/", "$.coupon": exists, "$.items[0].sku": "!= none"}
                        headers: {content-type: "application/json*", X-Shop: blue}
                    - request: {method: GET, path: /empty}
                      expect:
                        json: {"$.status": ok, "$.items.length()": "> 0"}
                    - request: {method: GET, path: /error}
                      expect:
                        json: {"$.status": ok}
                    - request: {method: GET, path: /anonymous}
                      expect:
                        json: {"$.coupon": exists}
                    - request: {method: GET, path: /page}
                      expect:
                        json: {"$.status": ok}
                    - request: {method: GET, path: /plain}
                      expect:
                        headers: {Content-Type: "application/json*"}
                    - request: {method: GET, path: /slow}
                      expect:
                        json: {"$.status": ok}
                        maxLatency: 100ms
                    - request: {method: GET, path: /quick}
                      expect:
                        maxLatency: 2s
            """;

    @TempDir
    Path dir;

    private static TargetServer shop() {
        TargetServer server = TargetServer.start();
        server.respond("GET", "/order", Behaviour.json(200, """
                {"status": "ok", "items": [{"sku": "a"}, {"sku": "b"}], "total": 12.50, "paid": true,
                 "id": "o-1042", "coupon": "SPRING"}""").withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-Shop", "blue"));
        server.respond("GET", "/empty", Behaviour.json(200, "{\"status\": \"ok\", \"items\": []}"));
        server.respond("GET", "/error", Behaviour.json(200, "{\"status\": \"error\"}"));
        server.respond("GET", "/anonymous", Behaviour.json(200, "{\"coupon\": null}"));
        server.respond("GET", "/page", Behaviour.ok().withBody("<html>hello</html>")
                .withHeader("Content-Type", "text/html"));
        server.respond("GET", "/plain", Behaviour.ok().withHeader("Content-Type", "text/plain"));
        server.respond("GET", "/slow", Behaviour.json(200, "{\"status\": \"ok\"}").withDelay(Duration.ofMillis(300)));
        server.respond("GET", "/quick", Behaviour.ok());
        return server;
    }

    @Test
    void eachCheckPassesOrFailsAsWrittenAndAFailureNamesItsCheck() throws Exception {
        try (TargetServer server = shop()) {
            Path test = file(dir, "checks.yaml", CHECKS, server.baseUrl());
            Path json = dir.resolve("checks.json");

            Cli.Outcome outcome = stampede("run", test.toString(), "-q", "--json", json.toString());

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            JsonNode report = JSON.readTree(json.toFile());
            Map<String, long[]> rows = rows(report);
            for (String path : new String[]{"/order", "/empty", "/error", "/anonymous", "/page", "/plain", "/slow",
                    "/quick"}) {
                assertThat(rows.get("GET " + path)).as(path + " ran: " + report).isNotNull();
                assertThat(rows.get("GET " + path)[0]).as("runner and server count " + path)
                        .isEqualTo(server.requestCount("GET", path)).isPositive();
            }
            assertThat(rows.get("GET /order")[1]).as("every check of /order holds").isZero();
            assertThat(rows.get("GET /quick")[1]).as("fast enough").isZero();
            for (String failing : new String[]{"/empty", "/error", "/anonymous", "/page", "/plain", "/slow"}) {
                assertThat(rows.get("GET " + failing)[1]).as(failing + " fails every time")
                        .isEqualTo(rows.get("GET " + failing)[0]);
            }
            assertThat(causes(report)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "GET /empty", "json $.items.length(): expected > 0",
                    "GET /error", "json $.status: expected \"ok\"",
                    "GET /anonymous", "json $.coupon: expected exists",
                    "GET /page", "json $.status: body is not JSON",
                    "GET /plain", "header Content-Type: expected \"application/json*\"",
                    "GET /slow", "slow: > 100 ms"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad JSONPath             | "$.items.length()": "> 0" | "$.items[": "> 0"        | spec.userClasses[0].tasks[1].expect.json["$.items["]
            path without $           | "$.status": ok, "$.items.length()" | "status": ok, "$.items.length()" | spec.userClasses[0].tasks[1].expect.json.status
            operator without number  | "$.items.length()": "> 0" | "$.items.length()": "> many" | spec.userClasses[0].tasks[1].expect.json["$.items.length()"]
            operator without value   | "$.items.length()": "> 0" | "$.items.length()": ">="  | spec.userClasses[0].tasks[1].expect.json["$.items.length()"]
            bad regex                | "matches /^o-[0-9]+$/"    | "matches /^o-[0-9+$/"    | spec.userClasses[0].tasks[0].expect.json["$.id"]
            matches without slashes  | "matches /^o-[0-9]+$/"    | "matches ^o-"            | spec.userClasses[0].tasks[0].expect.json["$.id"]
            a list as condition      | "$.coupon": exists        | "$.coupon": [a, b]       | spec.userClasses[0].tasks[0].expect.json["$.coupon"]
            no condition             | "$.coupon": exists        | "$.coupon": null         | spec.userClasses[0].tasks[0].expect.json["$.coupon"]
            header name              | X-Shop: blue              | "X Shop": blue           | spec.userClasses[0].tasks[0].expect.headers["X Shop"]
            maxLatency without unit  | maxLatency: 100ms         | maxLatency: 100          | spec.userClasses[0].tasks[6].expect.maxLatency
            maxLatency zero          | maxLatency: 100ms         | maxLatency: 0ms          | spec.userClasses[0].tasks[6].expect.maxLatency
            unknown expect field     | maxLatency: 2s            | maxLatencyMs: 2000       | spec.userClasses[0].tasks[7].expect.maxLatencyMs
            """)
    void aBadCheckExitsTwoWithItsFieldPathAndSendsNothing(String kind, String valid, String broken, String path)
            throws Exception {
        try (TargetServer server = shop()) {
            String yaml = CHECKS.replace(valid, broken);
            assertThat(yaml).as("the case edits the file").isNotEqualTo(CHECKS);
            Path test = file(dir, kind.replace(' ', '-') + ".yaml", yaml, server.baseUrl());

            Cli.Outcome run = stampede("run", test.toString(), "-q");

            assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(run.err()).contains(path + ":");
            assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(server.totalRequests()).as("requests sent for an invalid file").isZero();
        }
    }
}
