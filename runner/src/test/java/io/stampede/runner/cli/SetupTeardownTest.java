package io.stampede.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.ReceivedRequest;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spec.setup} and {@code spec.teardown} (k6's setup()/teardown(), Locust's test_start/test_stop): once per
 * test, around the users, their values read by every user; checked by what the server received.
 */
class SetupTeardownTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FIXTURE_TEST = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: fixture}
            spec:
              target: TARGET
              load: {users: 6, spawnRate: 100, duration: 1500ms}
              setup:
                - request: {method: POST, path: /admin/login, json: {user: admin}}
                  extract: {adminToken: {jsonPath: $.token}}
                - request: {method: POST, path: /fixtures, headers: {Authorization: "Bearer ${setup.adminToken}"}}
                  expect: {status: [201]}
                  extract: {fixtureId: {jsonPath: $.id}}
              teardown:
                - request: {method: DELETE, path: "/fixtures/${setup.fixtureId}",
                            headers: {Authorization: "Bearer ${setup.adminToken}"}}
              userClasses:
                - name: reader
                  wait: {constant: 50ms}
                  tasks:
                    - request: {method: GET, path: "/fixtures/${setup.fixtureId}/items",
                                name: "/fixtures/{id}/items", headers: {X-User: "${userId}"}}
            """;

    @TempDir
    Path dir;

    private static TargetServer fixtureServer(int createStatus) {
        TargetServer server = TargetServer.start();
        server.respond("POST", "/admin/login", Behaviour.json(200, "{\"token\":\"adm-7\"}"));
        server.respond("POST", "/fixtures", Behaviour.json(createStatus, "{\"id\":\"f42\"}"));
        server.respond("GET", "/fixtures/f42/items", Behaviour.ok());
        server.respond("DELETE", "/fixtures/f42", Behaviour.status(204));
        server.respond("DELETE", "/fixtures/", Behaviour.status(404));
        return server;
    }

    @Test
    void setupRunsOnceBeforeTheUsersEveryUserReadsItsValueAndTeardownRunsOnceAfter() throws Exception {
        try (TargetServer server = fixtureServer(201)) {
            Path test = file(dir, "fixture.yaml", FIXTURE_TEST, server.baseUrl());
            Path json = dir.resolve("fixture.json");

            Cli.Outcome outcome = stampede("run", test.toString(), "-q", "--json", json.toString());

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            assertThat(server.requestCount("POST", "/admin/login")).isEqualTo(1);
            assertThat(server.requestCount("POST", "/fixtures")).isEqualTo(1);
            assertThat(server.requestCount("DELETE", "/fixtures/f42")).isEqualTo(1);
            List<ReceivedRequest> requests = server.recentRequests();
            assertThat(requests.get(0).pathAndQuery()).isEqualTo("/admin/login");
            assertThat(requests.get(1).header("Authorization")).isEqualTo("Bearer adm-7");
            assertThat(requests.get(requests.size() - 1).method()).isEqualTo("DELETE");
            assertThat(requests.get(requests.size() - 1).header("Authorization")).isEqualTo("Bearer adm-7");
            Set<String> usersThatRead = requests.stream()
                    .filter(request -> request.pathAndQuery().equals("/fixtures/f42/items"))
                    .map(request -> request.header("X-User")).collect(Collectors.toSet());
            assertThat(usersThatRead).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6");
            JsonNode rows = JSON.readTree(json.toFile()).path("summary").path("requests");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).path("name").asText()).isEqualTo("GET /fixtures/{id}/items");
            assertThat(rows.get(0).path("requests").asLong())
                    .isEqualTo(server.requestCount("GET", "/fixtures/f42/items"));
            assertThat(outcome.out()).contains("Setup: 2 steps done; values: setup.adminToken, setup.fixtureId")
                    .contains("Teardown: 1 step run").doesNotContain("adm-7").doesNotContain("f42");
        }
    }

    @Test
    void aFailedSetupStartsNoUserExitsWith3AndStillRunsTeardown() {
        try (TargetServer server = fixtureServer(500)) {
            Path test = file(dir, "fixture.yaml", FIXTURE_TEST, server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(3);
            assertThat(outcome.err()).contains("setup failed at spec.setup[1]: HTTP 500; no user started");
            assertThat(server.requestCount("POST", "/fixtures")).isEqualTo(1);
            assertThat(server.requestCount("GET", "/fixtures/f42/items")).isZero();
            // Teardown ran with what setup had: the token, but no fixture id (it renders empty).
            assertThat(server.requestCount("DELETE", "/fixtures/")).isEqualTo(1);
            assertThat(outcome.out()).contains("WARNING: teardown spec.teardown[0] failed: HTTP 404");
        }
    }

    @Test
    void badSetupStepsAreRejectedWithTheirPathBeforeAnyRequest() {
        try (TargetServer server = fixtureServer(201)) {
            Path test = file(dir, "bad.yaml", FIXTURE_TEST
                    .replace("{method: POST, path: /fixtures,", "{method: FETCH, path: fixtures,"), server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(2);
            assertThat(outcome.err()).contains("spec.setup[1].request.method: expected one of GET")
                    .contains("spec.setup[1].request.path: must start with '/'")
                    .doesNotContain("Exception");
            assertThat(server.totalRequests()).isZero();
        }
    }

    @Test
    void aSetupValueThatSetupNeverExtractsIsRejectedWhereItIsRead() {
        try (TargetServer server = fixtureServer(201)) {
            Path test = file(dir, "bad.yaml", FIXTURE_TEST.replace("${setup.fixtureId}/items", "${setup.fixture}/items"),
                    server.baseUrl());

            Cli.Outcome outcome = stampede("validate", test.toString());

            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(2);
            assertThat(outcome.err()).contains("spec.userClasses[0].tasks[0].request.path: unknown variable "
                    + "'setup.fixture'").contains("setup.adminToken, setup.fixtureId");
            assertThat(server.totalRequests()).isZero();
        }
    }
}
