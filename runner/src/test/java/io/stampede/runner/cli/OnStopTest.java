package io.stampede.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.ReceivedRequest;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code onStop} (Locust's on_stop): each stopped user's clean-up reaches the server once and is counted. */
class OnStopTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String LOGIN_BROWSE_LOGOUT = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: logout}
            spec:
              target: TARGET
              load: LOAD
              userClasses:
                - name: member
                  wait: {constant: 100ms}
                  onStart:
                    - request: {method: POST, path: /login, json: {user: "${userId}"}}
                      extract: {token: {jsonPath: $.token}}
                  headers: {Authorization: "Bearer ${token}"}
                  tasks:
                    - {name: browse, request: {method: GET, path: /items}}
                  onStop:
                    - request: {method: POST, path: /logout, headers: {X-User: "${userId}"}}
            """;

    @TempDir
    Path dir;

    private static TargetServer shop() {
        TargetServer server = TargetServer.start();
        server.respond("POST", "/login", Behaviour.json(200, "{\"token\":\"t-1\"}"));
        server.respond("GET", "/items", Behaviour.ok());
        server.respond("POST", "/logout", Behaviour.status(204));
        return server;
    }

    private static List<String> loggedOutUsers(TargetServer server) {
        return server.recentRequests().stream().filter(request -> request.pathAndQuery().equals("/logout"))
                .map(request -> request.header("X-User") + " " + request.header("Authorization")).sorted().toList();
    }

    private static long rowRequests(Path json, String row) throws Exception {
        for (JsonNode entry : JSON.readTree(json.toFile()).path("summary").path("requests")) {
            if (entry.path("name").asText().equals(row)) return entry.path("requests").asLong();
        }
        return 0;
    }

    @Test
    void everyUserLogsOutOnceAtTheEndOfTheRunWithTheTokenItsLoginExtracted() throws Exception {
        try (TargetServer server = shop()) {
            Path test = file(dir, "logout.yaml", LOGIN_BROWSE_LOGOUT.replace("LOAD",
                    "{users: 5, spawnRate: 50, duration: 1s}"), server.baseUrl());
            Path json = dir.resolve("logout.json");

            Cli.Outcome outcome = stampede("run", test.toString(), "-q", "--json", json.toString());

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            assertThat(loggedOutUsers(server)).containsExactly("1 Bearer t-1", "2 Bearer t-1", "3 Bearer t-1",
                    "4 Bearer t-1", "5 Bearer t-1");
            assertThat(rowRequests(json, "POST /logout")).isEqualTo(server.requestCount("POST", "/logout"));
            assertThat(outcome.out()).contains("/logout");
        }
    }

    @Test
    void usersStoppedByARampDownLogOutDuringTheRun() throws Exception {
        try (TargetServer server = shop()) {
            Path test = file(dir, "ramp.yaml", LOGIN_BROWSE_LOGOUT.replace("LOAD",
                    "\n    spawnRate: 50\n    stages:\n      - {duration: 1s, users: 4}\n"
                            + "      - {duration: 500ms, users: 1}\n      - {duration: 1s, users: 1}"),
                    server.baseUrl());
            Path json = dir.resolve("ramp.json");

            Cli.Outcome outcome = stampede("run", test.toString(), "-q", "--json", json.toString());

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            // Three users are stopped by the ramp-down, the last one by the end of the run: each logs out once.
            assertThat(loggedOutUsers(server)).hasSize(4).doesNotHaveDuplicates();
            assertThat(server.requestCount("POST", "/login")).isEqualTo(4);
            assertThat(rowRequests(json, "POST /logout")).isEqualTo(4);
        }
    }

    @Test
    void aLogoutWhoseTokenExpiredLogsInAgainAndRetriesLikeATask() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            // Each token serves one request, then has expired: by the time a user stops, its token has served
            // the task before (or the task's retry), so every logout meets an expired token, however fast or
            // slow the machine. (Tokens that expired after 500 ms made the logout's 401 a matter of timing.)
            AtomicInteger issued = new AtomicInteger();
            Set<String> used = ConcurrentHashMap.newKeySet();
            AtomicInteger loggedOut = new AtomicInteger();
            server.respond("POST", "/login", request ->
                    Behaviour.json(200, "{\"access_token\":\"tok-" + issued.incrementAndGet() + "\"}"));
            server.respond("GET", "/me", request -> used.add(String.valueOf(request.header("Authorization")))
                    ? Behaviour.ok() : Behaviour.status(401));
            server.respond("POST", "/logout", request -> {
                if (!used.add(String.valueOf(request.header("Authorization")))) return Behaviour.status(401);
                loggedOut.incrementAndGet();
                return Behaviour.status(204);
            });
            Path test = file(dir, "expiring.yaml", """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: expiring}
                    spec:
                      target: TARGET
                      load: {users: 3, spawnRate: 50, duration: 1s}
                      userClasses:
                        - name: member
                          wait: {constant: 100ms}
                          onStart:
                            - request: {method: POST, path: /login}
                              extract: {token: {jsonPath: $.access_token}}
                          reauthOn: [401]
                          headers: {Authorization: "Bearer ${token}"}
                          tasks:
                            - {name: me, request: {method: GET, path: /me}}
                          onStop:
                            - request: {method: POST, path: /logout}
                    """, server.baseUrl());
            Path json = dir.resolve("expiring.json");

            Cli.Outcome outcome = stampede("run", test.toString(), "-q", "--json", json.toString());

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            // Each user's logout gets a 401, logs in again and retries once: 3 users, 6 logouts, 3 of them done.
            assertThat(server.requestCount("POST", "/logout")).isEqualTo(6);
            assertThat(loggedOut.get()).isEqualTo(3);
            assertThat(rowRequests(json, "POST /logout")).isEqualTo(6);
            assertThat(JSON.readTree(json.toFile()).path("failures")).as(outcome.out()).isEmpty();
        }
    }

    @Test
    void aSlowLogoutIsCutOffAtTheStopTimeoutAndCountedAsInterrupted() throws Exception {
        try (TargetServer server = shop()) {
            server.respond("POST", "/logout", Behaviour.status(204).withDelay(Duration.ofSeconds(20)));
            Path test = file(dir, "slow.yaml", LOGIN_BROWSE_LOGOUT.replace("LOAD",
                    "{users: 2, spawnRate: 50, duration: 1s, stopTimeout: 500ms}"), server.baseUrl());
            Path json = dir.resolve("slow.json");
            long startNanos = System.nanoTime();

            Cli.Outcome outcome = stampede("run", test.toString(), "-q", "--json", json.toString());

            long tookMillis = (System.nanoTime() - startNanos) / 1_000_000;
            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            assertThat(tookMillis).as("the run waits for the stop timeout, not the 20 s logout").isLessThan(15_000);
            assertThat(rowRequests(json, "POST /logout")).isEqualTo(2);
            JsonNode failures = JSON.readTree(json.toFile()).path("failures");
            assertThat(failures.toString()).contains("POST /logout").contains("interrupted");
        }
    }
}
