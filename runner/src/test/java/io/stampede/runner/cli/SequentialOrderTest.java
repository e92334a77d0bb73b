package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.ReceivedRequest;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code order: sequential} (Locust's SequentialTaskSet): the server sees each user's tasks in written order,
 * looping, after its login; a task's own {@code wait} replaces its class's after that task. Weights with
 * sequential order are bad input: exit 2 with the field path, nothing sent.
 */
class SequentialOrderTest {

    private static final String FLOW = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: flow}
            spec:
              target: TARGET
              load: {users: 3, spawnRate: 50, duration: 1500ms}
              userClasses:
                - name: shopper
                  order: sequential
                  wait: {constant: 10ms}
                  onStart:
                    - request: {method: POST, path: /login, headers: {X-User: "${userId}"}}
                  tasks:
                    - {name: browse, request: {method: GET, path: /browse, headers: {X-User: "${userId}"}}}
                    - name: cart
                      steps:
                        - request: {method: POST, path: /cart, headers: {X-User: "${userId}"}}
                        - request: {method: GET, path: /cart, headers: {X-User: "${userId}"}}
                    - request: {method: POST, path: /checkout, headers: {X-User: "${userId}"}}
                      wait: {constant: 400ms}
            """;

    private static final List<String> CYCLE = List.of("GET /browse", "POST /cart", "GET /cart", "POST /checkout");

    @TempDir
    Path dir;

    @Test
    void eachUserRunsItsTasksInWrittenOrderThenAgain() {
        try (TargetServer server = TargetServer.start()) {
            server.respondByDefault(Behaviour.ok());
            Path test = file(dir, "flow.yaml", FLOW, server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            Map<String, List<String>> byUser = requestsByUser(server.recentRequests());
            assertThat(byUser).containsOnlyKeys("1", "2", "3");
            byUser.forEach((user, requests) -> {
                assertThat(requests.get(0)).as("user " + user + " logs in first").isEqualTo("POST /login");
                List<String> tasks = requests.subList(1, requests.size());
                assertThat(tasks.size()).as("user " + user + " went round and started again: " + tasks)
                        .isGreaterThan(CYCLE.size());
                for (int i = 0; i < tasks.size(); i++) {
                    assertThat(tasks.get(i)).as("user " + user + " request " + (i + 1) + " of " + tasks)
                            .isEqualTo(CYCLE.get(i % CYCLE.size()));
                }
            });
        }
    }

    @Test
    void aTasksOwnWaitReplacesItsClasssAfterThatTask() {
        try (TargetServer server = TargetServer.start()) {
            server.respondByDefault(Behaviour.ok());
            Path test = file(dir, "flow.yaml", FLOW.replace("users: 3", "users: 1"), server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            // 1.5 s: cycles of 4 requests 10 ms apart, then 400 ms after the checkout. With the class's 10 ms
            // everywhere a user would go round dozens of times; with the task's wait it goes round at most 4 times.
            long checkouts = server.requestCount("POST", "/checkout");
            long browses = server.requestCount("GET", "/browse");
            assertThat(checkouts).isBetween(1L, 4L);
            assertThat(browses).isBetween(checkouts, checkouts + 1);
        }
    }

    @Test
    void weightsWithSequentialOrderAreBadInputAndNothingIsSent() {
        try (TargetServer server = TargetServer.start()) {
            String yaml = FLOW.replace("        - name: cart\n", "        - name: cart\n          weight: 3\n")
                    .replace("      order: sequential\n", "      order: sequential\n      weight: 2\n");
            assertThat(yaml).contains("weight: 3");
            Path test = file(dir, "weights.yaml", yaml, server.baseUrl());

            Cli.Outcome run = stampede("run", test.toString(), "-q");

            assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(run.err()).contains("spec.userClasses[0].tasks[1].weight: a task has no weight when its "
                    + "class has order: sequential");
            assertThat(run.err()).as("the class's own weight (its share of users) is fine")
                    .doesNotContain("spec.userClasses[0].weight");
            assertThat(run.all()).doesNotContain("Exception");
            assertThat(server.totalRequests()).isZero();
        }
    }

    @Test
    void anUnknownOrderIsBadInputWithTheChoices() {
        try (TargetServer server = TargetServer.start()) {
            Path test = file(dir, "order.yaml", FLOW.replace("order: sequential", "order: sequentail"),
                    server.baseUrl());

            Cli.Outcome run = stampede("run", test.toString(), "-q");

            assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(run.err()).contains("spec.userClasses[0].order: expected one of weighted, sequential")
                    .contains("did you mean 'sequential'");
            assertThat(server.totalRequests()).isZero();
        }
    }

    /** Each user's requests ("METHOD /path") in the order the server received them. */
    private static Map<String, List<String>> requestsByUser(List<ReceivedRequest> requests) {
        Map<String, List<String>> byUser = new LinkedHashMap<>();
        for (ReceivedRequest request : requests) {
            byUser.computeIfAbsent(request.header("X-User"), user -> new ArrayList<>())
                    .add(request.method() + " " + request.pathAndQuery());
        }
        return byUser;
    }
}
