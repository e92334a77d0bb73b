package io.stampede.runner.cluster;

import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A distributed run's setup and teardown run once, on the master; what setup extracts reaches the users of every
 * worker JVM with the start; the master alone posts the webhooks.
 */
class DistributedSetupTest {

    private static final String TOKEN = "test-token-setup-9c1";

    @TempDir
    Path dir;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster(TOKEN);

    @Test
    void setupRunsOnceOnTheMasterAndItsValueReachesTheUsersOfEveryWorker() throws Exception {
        try (TargetServer server = TargetServer.start(); TargetServer hooks = TargetServer.start()) {
            server.respond("POST", "/fixtures", Behaviour.json(201, "{\"id\":\"fx-9\"}"));
            server.respond("GET", "/fixtures/fx-9", Behaviour.ok());
            server.respond("DELETE", "/fixtures/fx-9", Behaviour.status(204));
            hooks.respond("POST", "/hook", Behaviour.status(204));
            Path test = dir.resolve("setup.yaml");
            Files.writeString(test, """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: distributed-setup}
                    spec:
                      target: %s
                      load: {users: 6, spawnRate: 100, duration: 2s}
                      setup:
                        - request: {method: POST, path: /fixtures}
                          extract: {fixture: {jsonPath: $.id}}
                      teardown:
                        - request: {method: DELETE, path: "/fixtures/${setup.fixture}"}
                      notify:
                        - {url: "%s/hook", on: [start, end]}
                      userClasses:
                        - name: u
                          wait: {constant: 50ms}
                          tasks:
                            - request: {method: GET, path: "/fixtures/${setup.fixture}", name: /fixture,
                                        headers: {X-User: "${userId}", X-Worker: "${workerIndex}"}}
                    """.formatted(server.baseUrl(), hooks.baseUrl()));
            MasterInThread master = cluster.start(dir, 2, test.toString(), "--keep-serving", "0s", "-q");

            MasterInThread.Outcome outcome = master.await(Duration.ofSeconds(60));

            String logs = cluster.workerLogs();
            assertThat(outcome.exitCode()).as(outcome.all() + logs).isZero();
            assertThat(server.requestCount("POST", "/fixtures")).isEqualTo(1);
            assertThat(server.requestCount("DELETE", "/fixtures/fx-9")).isEqualTo(1);
            Set<String> usersThatRead = server.recentRequests().stream()
                    .filter(request -> request.pathAndQuery().equals("/fixtures/fx-9") && request.method().equals("GET"))
                    .map(request -> request.header("X-Worker") + "/" + request.header("X-User"))
                    .collect(Collectors.toSet());
            assertThat(usersThatRead).containsExactlyInAnyOrder("0/1", "1/2", "0/3", "1/4", "0/5", "1/6");
            assertThat(server.requestCount("GET", "/fixtures/")).isZero();
            assertThat(hooks.requestCount("POST", "/hook")).isEqualTo(2);
            assertThat(logs).doesNotContain("fx-9");
        }
    }
}
