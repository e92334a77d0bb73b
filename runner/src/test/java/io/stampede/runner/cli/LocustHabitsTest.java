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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/** What a Locust user types in the first hour: presets on the command line, Locust's flags, failing on errors. */
class LocustHabitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TWO_USERS_FOR_AN_HOUR = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: habits}
            spec:
              target: TARGET
              load: {users: 2, duration: 1h, stopTimeout: 5s}
              userClasses:
                - name: visitor
                  wait: {constant: 5s}
                  tasks:
                    - {name: home, request: {method: GET, path: /home}}
            """;

    @TempDir
    Path dir;

    @Test
    void presetOnTheCommandLineRunsTheSpikesUsersAndWaitsInsteadOfTheFilesLoad() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/home", Behaviour.ok());
            Path test = file(dir, "habits.yaml", TWO_USERS_FOR_AN_HOUR, server.baseUrl());
            Path json = dir.resolve("spike.json");

            Cli.Outcome outcome = stampede("run", test.toString(), "--preset", "spike", "-t", "2s", "-q",
                    "--json", json.toString());

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            assertThat(outcome.out())
                    .contains("100 users, started at 100 users/s (all running after 1s), for 2s")
                    .contains("preset spike (--preset; it replaces the file's spec.load: users 2, duration 1h); "
                            + "every class waits between 100ms and 500ms")
                    .contains("peak 100 users");
            JsonNode summary = JSON.readTree(json.toFile());
            int mostUsers = StreamSupport.stream(summary.path("history").path("users").spliterator(), false)
                    .mapToInt(JsonNode::asInt).max().orElse(0);
            assertThat(mostUsers).isEqualTo(100);
            // The file's 5 s wait allows one task per user in 2 s; the spike's 100-500 ms waits allow several.
            long received = server.requestCount("GET", "/home");
            assertThat(received).isGreaterThan(200);
            assertThat(summary.path("summary").path("total").path("requests").asLong()).isEqualTo(received);
        }
    }

    @Test
    void usersFromTheCommandLineStillWinOverAPresetFromTheCommandLine() {
        Path test = file(dir, "habits.yaml", TWO_USERS_FOR_AN_HOUR, "http://127.0.0.1:1");

        Cli.Outcome outcome = stampede("validate", test.toString(), "--preset", "basic");

        assertThat(outcome.exitCode()).as(outcome.all()).isZero();
        assertThat(outcome.out()).contains("10 users, started at 2 users/s (all running after 5s), for 2m")
                .contains("preset basic (--preset; it replaces the file's spec.load: users 2, duration 1h)");
    }

    @Test
    void anUnknownPresetOnTheCommandLineIsNamedByItsFlag() {
        Path test = file(dir, "habits.yaml", TWO_USERS_FOR_AN_HOUR, "http://127.0.0.1:1");

        Cli.Outcome outcome = stampede("run", test.toString(), "--preset", "spik");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("--preset: unknown preset 'spik' (did you mean 'spike'?); expected one "
                + "of smoke, basic, spike, endurance").doesNotContain("Exception");
    }

    @Test
    void theStressPresetOnTheCommandLineStepsTheFilesUsersAndNeedsAThresholdToBreak() {
        Path withoutThresholds = file(dir, "habits.yaml", TWO_USERS_FOR_AN_HOUR, "http://127.0.0.1:1");
        Path withThreshold = file(dir, "judged.yaml", TWO_USERS_FOR_AN_HOUR + """
                  thresholds:
                    - expr: p95 < 500ms
                """, "http://127.0.0.1:1");

        Cli.Outcome refused = stampede("validate", withoutThresholds.toString(), "--preset", "stress");
        Cli.Outcome valid = stampede("validate", withThreshold.toString(), "--preset", "stress");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(refused.err()).contains("spec.thresholds: a stress run needs at least one");
        assertThat(valid.exitCode()).as(valid.all()).isZero();
        assertThat(valid.out()).contains("stress: 50 users, +50 every 1m up to 500");
    }

    @Test
    void csvFullHistoryAddsALinePerRowAndSecondAsLocustsFlagDoes() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/home", Behaviour.ok());
            Path test = file(dir, "habits.yaml", TWO_USERS_FOR_AN_HOUR.replace("constant: 5s", "constant: 100ms"),
                    server.baseUrl());

            Cli.Outcome aggregated = stampede("run", test.toString(), "-q", "-t", "2s", "--csv",
                    dir.resolve("agg").toString());
            Cli.Outcome full = stampede("run", test.toString(), "-q", "-t", "2s", "--csv",
                    dir.resolve("full").toString(), "--csv-full-history");

            assertThat(aggregated.exitCode()).as(aggregated.all()).isZero();
            assertThat(full.exitCode()).as(full.all()).isZero();
            List<String> aggregatedLines = Files.readAllLines(dir.resolve("agg_stats_history.csv"));
            List<String> fullLines = Files.readAllLines(dir.resolve("full_stats_history.csv"));
            assertThat(aggregatedLines.stream().skip(1)).isNotEmpty().allMatch(line -> line.contains(",,Aggregated,"));
            assertThat(fullLines.stream().filter(line -> line.contains(",GET,/home,"))).isNotEmpty();
            assertThat(fullLines.stream().filter(line -> line.contains(",,Aggregated,"))).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            run --run-time 10s         | '--run-time': use --duration (-t), such as --duration 10m
            run --run-time=10s         | '--run-time=10s': use --duration (-t)
            run --headless             | '--headless': Stampede is headless unless --web; drop --headless
            run -H http://127.0.0.1:1  | '-H': use --host URL
            run -f locustfile.py       | '-f': give the LoadTest file as an argument: stampede run FILE
            run --only-summary         | '--only-summary': use -q (--quiet)
            run --stop-timeout 10      | '--stop-timeout': set spec.load.stopTimeout in the file
            run --expect-workers 2     | '--expect-workers': a distributed run is stampede master FILE --expect-workers N
            run --exit-code-on-error 1 | '--exit-code-on-error': use --fail-on-errors
            run --hatch-rate 5         | '--hatch-rate': use --spawn-rate (-r)
            master --headless          | '--headless': Stampede is headless; this command serves its live view at /
            worker --master-host m     | '--master-host': use --master HOST:PORT
            """)
    void locustFlagsGetWhatToUseInsteadAndNothingRuns(String command, String expected) {
        try (TargetServer server = TargetServer.start()) {
            Path test = file(dir, "habits.yaml", TWO_USERS_FOR_AN_HOUR, server.baseUrl());
            String[] words = command.split(" ");
            String[] args = new String[words.length + 1];
            args[0] = words[0];
            args[1] = test.toString();
            System.arraycopy(words, 1, args, 2, words.length - 1);

            Cli.Outcome outcome = stampede(args);

            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(outcome.err()).contains("stampede: unknown option: " + expected);
            assertThat(server.totalRequests()).isZero();
        }
    }

    @Test
    void failOnErrorsExitsOneWhenAnyRequestFailedAsLocustDoes() {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/home", Behaviour.ok());
            server.respond("GET", "/broken", Behaviour.status(503));
            Path test = file(dir, "errors.yaml", """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: errors}
                    spec:
                      target: TARGET
                      load: {users: 2, duration: 1s}
                      userClasses:
                        - name: visitor
                          wait: {constant: 100ms}
                          order: sequential
                          tasks:
                            - {name: broken, request: {method: GET, path: /broken}}
                            - {name: home, request: {method: GET, path: /home}}
                    """, server.baseUrl());

            // Sequential, the failing task first: every user fails at least once however slow the machine
            // (weighted, a busy CI machine once drew no /broken in a whole run).
            Cli.Outcome lenient = stampede("run", test.toString(), "-q");
            long failedBefore = server.requestCount("GET", "/broken");
            Cli.Outcome strict = stampede("run", test.toString(), "-q", "--fail-on-errors");
            long failed = server.requestCount("GET", "/broken") - failedBefore;

            assertThat(failedBefore).isPositive();
            assertThat(lenient.exitCode()).as(lenient.all()).isZero();
            assertThat(lenient.out()).contains("PASSED: ");
            assertThat(failed).isPositive();
            assertThat(strict.exitCode()).as(strict.all()).isEqualTo(ExitCode.THRESHOLD_BREACHED.code());
            assertThat(strict.out()).contains("FAILED: " + failed + " requests failed (--fail-on-errors)");
        }
    }

    @Test
    void failOnErrorsKeepsExitZeroWhenNothingFailed() {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/home", Behaviour.ok());
            Path test = file(dir, "habits.yaml", TWO_USERS_FOR_AN_HOUR, server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "-q", "-t", "1s", "--fail-on-errors");

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            assertThat(server.requestCount("GET", "/home")).isPositive();
        }
    }
}
