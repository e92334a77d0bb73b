package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.ReceivedRequest;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * spec.data end to end: rows from a CSV or JSON file beside the LoadTest reach a real server on 127.0.0.1 as each
 * pick promises, judged by what the server received; bad data input exits 2 with the field path and sends nothing.
 */
class DataFeedRunTest {

    private static final String LOGIN_WITH_ACCOUNTS = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: accounts}
            spec:
              target: TARGET
              load: {users: USERS, duration: 1s}
              data:
                accounts: {csv: data/accounts.csv, pick: PICK}
              userClasses:
                - name: member
                  wait: {constant: 50ms}
                  onStart:
                    - request: {method: POST, path: /login, json: {email: "${accounts.email}", pw: "${accounts.password}"}}
                  tasks:
                    - request: {method: GET, path: "/orders?who=${accounts.email}", headers: {X-User: "${userId}"}}
            """;

    @TempDir
    Path dir;

    private void accounts(int rows) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        StringBuilder csv = new StringBuilder("email,password\n");
        for (int i = 1; i <= rows; i++) csv.append("user").append(i).append("@example.com,pw-").append(i).append('\n');
        Files.writeString(dir.resolve("data/accounts.csv"), csv);
    }

    /** Every request the server received, in order of arrival (the server's own recent list is bounded). */
    private final Queue<ReceivedRequest> received = new ConcurrentLinkedQueue<>();

    private TargetServer shop() {
        TargetServer server = TargetServer.start();
        server.respond("POST", "/login", request -> {
            received.add(request);
            return Behaviour.ok();
        });
        server.respond("GET", "/orders", request -> {
            received.add(request);
            return Behaviour.ok();
        });
        return server;
    }

    private List<ReceivedRequest> logins() {
        return received.stream().filter(r -> r.pathAndQuery().equals("/login")).toList();
    }

    @Test
    void uniqueGivesEachOfFiftyUsersItsOwnRowAndKeepsItForItsLife() throws Exception {
        accounts(50);
        try (TargetServer server = shop()) {
            Path test = file(dir, "accounts.yaml", LOGIN_WITH_ACCOUNTS.replace("USERS", "50")
                    .replace("PICK", "unique"), server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            List<ReceivedRequest> logins = logins();
            assertThat(logins).hasSize(50);
            assertThat(logins.stream().map(ReceivedRequest::body).toList()).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 50).mapToObj(i ->
                            "{\"email\":\"user" + i + "@example.com\",\"pw\":\"pw-" + i + "\"}").toList());
            // Every later request of a user carries the same row: one email per user id, 50 distinct emails.
            Map<String, String> emailByUser = new HashMap<>();
            for (ReceivedRequest order : received) {
                if (!order.pathAndQuery().startsWith("/orders")) continue;
                String email = order.pathAndQuery().substring("/orders?who=".length());
                String before = emailByUser.putIfAbsent(order.header("X-User"), email);
                assertThat(before).as("user " + order.header("X-User")).isIn(null, email);
            }
            assertThat(emailByUser).hasSize(50);
            assertThat(new java.util.HashSet<>(emailByUser.values())).hasSize(50);
        }
    }

    @Test
    void sequentialHandsOutRowsInFileOrderAndWrapsAround() throws Exception {
        accounts(3);
        try (TargetServer server = shop()) {
            Path test = file(dir, "seq.yaml", LOGIN_WITH_ACCOUNTS.replace("USERS", "1").replace("PICK", "sequential")
                    .replace("duration: 1s", "duration: 3s").replace("{constant: 50ms}", "{constant: 100ms}"),
                    server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            // One user: the login takes row 1 and so does the first task; each later task the next row, wrapping.
            List<String> sent = new ArrayList<>();
            for (ReceivedRequest request : received) {
                sent.add(request.pathAndQuery().equals("/login") ? "login " + request.body().substring(10, 15)
                        : request.pathAndQuery().substring("/orders?who=".length(), "/orders?who=".length() + 5));
            }
            assertThat(sent.size()).as(outcome.all()).isGreaterThanOrEqualTo(6);
            assertThat(sent.subList(0, 6)).containsExactly("login user1", "user1", "user2", "user3", "user1",
                    "user2");
        }
    }

    @Test
    void randomDrawsRowsAtRandomFromAJsonArray() throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= 5; i++) {
            json.append(i > 1 ? "," : "").append("{\"email\": \"user").append(i).append("@example.com\", \"password\": ")
                    .append(i).append('}');
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/accounts.json"), json.append("]"));
        try (TargetServer server = shop()) {
            // ~180 tasks per user expected, 25 needed: the draw below is judged on enough rows even on a busy
            // machine (1 s at 50 ms gave ~20 per user, close to the 40 in all that the check then needed; 2 s at
            // 20 ms once gave fewer than 100 in all under a load average of 11-26).
            Path test = file(dir, "random.yaml", LOGIN_WITH_ACCOUNTS.replace("USERS", "4").replace("PICK", "random")
                    .replace("csv: data/accounts.csv", "json: data/accounts.json")
                    .replace("duration: 1s", "duration: 4s").replace("{constant: 50ms}", "{constant: 20ms}"),
                    server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            List<String> emails = received.stream().filter(r -> r.pathAndQuery().startsWith("/orders"))
                    .map(r -> r.pathAndQuery().substring("/orders?who=".length())).toList();
            assertThat(emails).hasSizeGreaterThan(100);
            assertThat(emails).allMatch(e -> e.matches("user[1-5]@example\\.com"));
            // Over 100 draws: every one of the 5 rows comes up (a row missed by 100 draws has odds of 5 x 0.8^100,
            // 1 in a billion; by 40 draws, 1 in 1,500), and rows repeat (not a cycle per user).
            assertThat(new java.util.HashSet<>(emails)).hasSize(5);
            assertThat(logins().stream().map(ReceivedRequest::body))
                    .allMatch(body -> body.matches("\\{\"email\":\"user[1-5]@example\\.com\",\"pw\":\"[1-5]\"}"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown column | ${accounts.emial} | 50 | unique | csv: data/accounts.csv"
                    + " | spec.userClasses[0].onStart[0].request.json.email: unknown column 'emial' of data source"
                    + " 'accounts'; its columns: email, password",
            "missing data file | ${accounts.email} | 50 | unique | csv: data/nope.csv"
                    + " | spec.data.accounts.csv: the data file ",
            "unique with fewer rows than users | ${accounts.email} | 51 | unique | csv: data/accounts.csv"
                    + " | spec.data.accounts.pick: unique gives each user a row of its own: the load runs up to 51"
                    + " users at once, data/accounts.csv has 50 rows",
            "bad pick | ${accounts.email} | 50 | shuffled | csv: data/accounts.csv"
                    + " | spec.data.accounts.pick: expected unique, sequential or random, got 'shuffled'",
            "unknown data source | ${acounts.email} | 50 | unique | csv: data/accounts.csv"
                    + " | spec.userClasses[0].onStart[0].request.json.email: unknown data source 'acounts'"})
    void badDataInputExitsTwoWithTheFieldPathAndSendsNothing(String name, String email, String users, String pick,
                                                             String source, String expected) throws Exception {
        accounts(50);
        try (TargetServer server = shop()) {
            Path test = file(dir, "bad.yaml", LOGIN_WITH_ACCOUNTS.replace("USERS", users).replace("PICK", pick)
                    .replace("\"${accounts.email}\", pw", "\"" + email + "\", pw")
                    .replace("csv: data/accounts.csv", source), server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(outcome.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(server.totalRequests()).isZero();
        }
    }
}
