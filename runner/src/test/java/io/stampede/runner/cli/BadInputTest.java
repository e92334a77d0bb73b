package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input through the command line: exit code 2, the offending field's path, no stack trace, and not a single
 * request sent. Each case edits one line of a valid file.
 */
class BadInputTest {

    static final String VALID = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: shop}
            spec:
              target: TARGET
              load: {users: 2, spawnRate: 2, duration: 1s}
              defaults: {timeout: 5s}
              userClasses:
                - name: shopper
                  weight: 2
                  wait: {between: [10ms, 20ms]}
                  onStart:
                    - request: {method: POST, path: /login}
                      extract: {token: {jsonPath: $.access_token}}
                  reauthOn: [401]
                  headers: {Authorization: "Bearer ${token}"}
                  tasks:
                    - name: list
                      weight: 5
                      request: {method: GET, path: "/products?page=${randomInt(1,20)}"}
                      expect: {status: [200]}
              thresholds:
                - expr: p95 < 2s
            """;

    @TempDir
    static Path dir;
    private static TargetServer server;

    @BeforeAll
    static void startServer() {
        server = TargetServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
        assertThat(server.totalRequests()).as("requests sent for invalid files").isZero();
    }

    @Test
    void theValidFileIsValid() {
        Cli.Outcome outcome = stampede("validate", file(dir, "valid.yaml", VALID, server.baseUrl()).toString());

        assertThat(outcome.exitCode()).as(outcome.all()).isZero();
        assertThat(outcome.out()).contains("valid LoadTest 'shop'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong apiVersion        | apiVersion: stampede.io/v1alpha1  | apiVersion: stampede.io/v2       | apiVersion
            wrong kind              | kind: LoadTest                    | kind: Test                       | kind
            missing name            | metadata: {name: shop}            | metadata: {}                     | metadata.name
            unknown spec field      | defaults: {timeout: 5s}           | defautls: {timeout: 5s}          | spec.defautls
            bad target              | target: TARGET                    | target: ftp://example.com        | spec.target
            negative users          | users: 2,                         | users: -3,                       | spec.load.users
            users not a number      | users: 2,                         | users: many,                     | spec.load.users
            zero spawn rate         | spawnRate: 2,                     | spawnRate: 0,                    | spec.load.spawnRate
            bad duration            | duration: 1s}                     | duration: 10 minutes}            | spec.load.duration
            unknown preset          | load: {                           | load: {preset: huge,             | spec.load.preset
            stress rate steps       | load: {                           | load: {stress: {rate: {start: 1, step: 1, max: 9}}, | spec.load.stress.rate
            arrivalRate with users  | load: {                           | load: {arrivalRate: {rate: 5, duration: 1s, maxUsers: 2}, | spec.load.users
            arrival rate zero       | load: {users: 2, spawnRate: 2, duration: 1s} | load: {arrivalRate: {rate: 0, duration: 1s, maxUsers: 2}} | spec.load.arrivalRate.rate
            arrival rate negative   | load: {users: 2, spawnRate: 2, duration: 1s} | load: {arrivalRate: {rate: -5, duration: 1s, maxUsers: 2}} | spec.load.arrivalRate.rate
            missing maxUsers        | load: {users: 2, spawnRate: 2, duration: 1s} | load: {arrivalRate: {rate: 5, duration: 1s}} | spec.load.arrivalRate.maxUsers
            unknown per             | load: {users: 2, spawnRate: 2, duration: 1s} | load: {arrivalRate: {rate: 5, per: fortnight, duration: 1s, maxUsers: 2}} | spec.load.arrivalRate.per
            rate without duration   | load: {users: 2, spawnRate: 2, duration: 1s} | load: {arrivalRate: {rate: 5, maxUsers: 2}} | spec.load.arrivalRate.duration
            negative stage rate     | load: {users: 2, spawnRate: 2, duration: 1s} | load: {arrivalRate: {stages: [{duration: 1s, rate: -1}], maxUsers: 2}} | spec.load.arrivalRate.stages[0].rate
            dropped on a request    | - expr: p95 < 2s                  | - {expr: dropped < 1%, request: GET /products} | spec.thresholds[0].expr
            bad default timeout     | timeout: 5s                       | timeout: soon                    | spec.defaults.timeout
            zero class weight       | weight: 2                         | weight: 0                        | spec.userClasses[0].weight
            between reversed        | between: [10ms, 20ms]             | between: [20ms, 10ms]            | spec.userClasses[0].wait.between
            unknown wait kind       | wait: {between: [10ms, 20ms]}     | wait: {sometimes: 1s}            | spec.userClasses[0].wait
            bad method              | method: GET                       | method: FETCH                    | spec.userClasses[0].tasks[0].request.method
            path without slash      | path: "/products                  | path: "products                  | spec.userClasses[0].tasks[0].request.path
            unknown variable        | randomInt(1,20)                   | pageCount                        | spec.userClasses[0].tasks[0].request.path
            unknown function        | randomInt(1,20)                   | randomFloat(1,20)                | spec.userClasses[0].tasks[0].request.path
            bad status              | status: [200]                     | status: [999]                    | spec.userClasses[0].tasks[0].expect.status[0]
            bad reauthOn            | reauthOn: [401]                   | reauthOn: [unauthorized]         | spec.userClasses[0].reauthOn[0]
            task weight text        | weight: 5                         | weight: lots                     | spec.userClasses[0].tasks[0].weight
            unknown task field      | name: list                        | name: list\\n          retries: 3 | spec.userClasses[0].tasks[0].retries
            bad threshold metric    | p95 < 2s                          | p97 < 2s                         | spec.thresholds[0].expr
            threshold without unit  | p95 < 2s                          | p95 < 2                          | spec.thresholds[0].expr
            bad jsonPath            | $.access_token                    | "$.access_token["                | spec.userClasses[0].onStart[0].extract.token.jsonPath
            yaml syntax             | metadata: {name: shop}            | metadata: {name: shop            | (file)
            """)
    void rejectsBadInputWithTheFieldPathAndExitCodeTwo(String kind, String valid, String broken, String path) throws Exception {
        String yaml = VALID.replace(valid, broken.replace("\\n", "\n"));
        assertThat(yaml).as("the case edits the file").isNotEqualTo(VALID);
        Path test = file(dir, kind.replace(' ', '-') + ".yaml", yaml, server.baseUrl());

        Cli.Outcome run = stampede("run", test.toString(), "-q");
        Cli.Outcome validate = stampede("validate", test.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(validate.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.err()).contains(path + ":");
        assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() {
        String yaml = VALID.replace("users: 2,", "users: -1,").replace("method: GET", "method: FETCH")
                .replace("weight: 5", "weight: lots");

        Cli.Outcome outcome = stampede("validate", file(dir, "many.yaml", yaml, server.baseUrl()).toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("(3 problems)").contains("spec.load.users:")
                .contains("spec.userClasses[0].tasks[0].request.method:").contains("spec.userClasses[0].tasks[0].weight:");
    }

    @Test
    void rejectsBadFlagsWithTheFlagNameAndExitCodeTwo() {
        Path valid = file(dir, "flags.yaml", VALID, server.baseUrl());

        assertThat(stampede("run", valid.toString(), "--users", "-5").err()).contains("--users");
        assertThat(stampede("run", valid.toString(), "--users", "-5").exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(stampede("run", valid.toString(), "--duration", "forever").err()).contains("--duration");
        assertThat(stampede("run", valid.toString(), "--users", "ten").exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(stampede("run", valid.toString(), "--no-such-flag").exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(stampede("run").exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(stampede("run", valid.toString(), "--rate", "50/s").err())
                .contains("--rate: applies only to spec.load.arrivalRate");
        assertThat(stampede("run", valid.toString(), "--rate", "50/s").exitCode())
                .isEqualTo(ExitCode.BAD_INPUT.code());
    }

    @Test
    void rejectsBadOpenModelFlagsWithTheFlagName() {
        Path open = file(dir, "open-flags.yaml", VALID.replace("load: {users: 2, spawnRate: 2, duration: 1s}",
                "load: {arrivalRate: {rate: 5, duration: 1s, maxUsers: 2}}"), server.baseUrl());

        Cli.Outcome valid = stampede("validate", open.toString());
        Cli.Outcome rate = stampede("run", open.toString(), "--rate", "fast");
        Cli.Outcome zero = stampede("run", open.toString(), "--rate", "0/m");
        Cli.Outcome maxUsers = stampede("run", open.toString(), "--max-users", "0");
        Cli.Outcome users = stampede("run", open.toString(), "--users", "5");

        assertThat(valid.exitCode()).as(valid.all()).isZero();
        assertThat(rate.err()).contains("--rate: expected arrivals such as 200, 200/s or 30/m, got 'fast'");
        assertThat(zero.err()).contains("--rate: must be greater than 0");
        assertThat(maxUsers.err()).contains("--max-users: must be at least 1, got 0");
        assertThat(users.err()).contains("--users: does not apply to spec.load.arrivalRate");
        for (Cli.Outcome outcome : List.of(rate, zero, maxUsers, users)) {
            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(outcome.all()).doesNotContain("Exception");
        }
    }

    @Test
    void checksReportPathsBeforeTheFirstRequest() throws Exception {
        Path valid = file(dir, "reports.yaml", VALID, server.baseUrl());
        Path aFile = Files.writeString(dir.resolve("a-file"), "in the way");

        Cli.Outcome csv = stampede("run", valid.toString(), "-q", "--csv", "/proc/nope/x");
        Cli.Outcome json = stampede("run", valid.toString(), "-q", "--json", dir.toString());
        Cli.Outcome below = stampede("run", valid.toString(), "-q", "--json", aFile + "/sub/summary.json");
        Cli.Outcome html = stampede("run", valid.toString(), "-q", "--html", aFile + "/report.html");
        Cli.Outcome htmlDir = stampede("run", valid.toString(), "-q", "--html", dir.toString());

        assertThat(csv.exitCode()).as(csv.all()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(csv.err()).isEqualTo("stampede: --csv /proc/nope/x: cannot create the directory /proc/nope: "
                + "no such file or directory" + System.lineSeparator());
        assertThat(json.exitCode()).as(json.all()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(json.err()).contains("--json " + dir + ": " + dir + " is a directory");
        assertThat(below.exitCode()).as(below.all()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(below.err()).contains("--json " + aFile + "/sub/summary.json: cannot create the directory "
                + aFile + "/sub");
        assertThat(html.exitCode()).as(html.all()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(html.err()).contains("--html " + aFile + "/report.html: cannot create the directory " + aFile);
        assertThat(htmlDir.exitCode()).as(htmlDir.all()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(htmlDir.err()).contains("--html " + dir + ": " + dir + " is a directory");
        assertThat(csv.out() + json.out() + below.out() + html.out() + htmlDir.out()).doesNotContain("Running");
        assertThat(Files.readString(aFile)).isEqualTo("in the way");
    }

    @Test
    void theMasterChecksReportPathsBeforeItWaitsForWorkers() throws Exception {
        Path valid = file(dir, "master-reports.yaml", VALID, server.baseUrl());
        Path token = Files.writeString(dir.resolve("token"), "a-token-of-sixteen-chars");

        Cli.Outcome outcome = stampede("master", valid.toString(), "--expect-workers", "1", "--bind", "127.0.0.1:0",
                "--token-file", token.toString(), "--json", "/proc/nope/summary.json");

        assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("--json /proc/nope/summary.json: cannot create the directory /proc/nope");
        assertThat(outcome.out()).doesNotContain("listening");
    }

    @Test
    void aWritableReportPathIsLeftAsItWas() throws Exception {
        Path valid = file(dir, "checked.yaml", VALID, server.baseUrl().replace("127.0.0.1", "nxdomain.invalid"));
        Path existing = Files.writeString(dir.resolve("existing.json"), "{\"kept\": true}");
        Path fresh = dir.resolve("new/dir/summary.json");

        Cli.Outcome outcome = stampede("run", valid.toString(), "-q", "--json", existing.toString(), "--csv",
                fresh.resolveSibling("run").toString());

        // The target does not resolve: the run cannot happen, after the paths were found writable.
        assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(ExitCode.COULD_NOT_RUN.code());
        assertThat(Files.readString(existing)).isEqualTo("{\"kept\": true}");
        assertThat(fresh.getParent()).isDirectory();
        assertThat(fresh.getParent()).isEmptyDirectory();
    }

    @Test
    void aNumberOutOfRangeIsTooLargeOrTooSmallWithTheLimit() {
        Path valid = file(dir, "ranges.yaml", VALID, server.baseUrl());

        Cli.Outcome large = stampede("run", valid.toString(), "--users", "99999999999");
        Cli.Outcome small = stampede("run", valid.toString(), "--users", "-99999999999");
        Cli.Outcome rate = stampede("run", valid.toString(), "--spawn-rate", "1e999");

        assertThat(large.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(large.err()).contains("--users").contains("'99999999999' is too large: at most 2147483647")
                .doesNotContain("expected a whole number");
        assertThat(small.err()).contains("'-99999999999' is too small: at least -2147483648");
        assertThat(rate.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(rate.err()).contains("--spawn-rate").contains("'1e999' is too large: at most 1.7976931348623157E308");
        assertThat(stampede("run", valid.toString(), "--users", "ten").err())
                .contains("expected a whole number, got 'ten'");
    }

    @Test
    void saysSoWhenTheFileDoesNotExist() {
        Cli.Outcome outcome = stampede("run", dir.resolve("missing.yaml").toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("missing.yaml").doesNotContain("Exception");
    }

    @Test
    void refusesToValidateAFileWhoseSecretsAreNotSetAsTheReferenceSays() {
        String yaml = VALID.replace("  thresholds:", "  variables:\n    password: {fromEnv: STAMPEDE_TEST_UNSET_VARIABLE}\n  thresholds:");

        Cli.Outcome outcome = stampede("validate", file(dir, "secret.yaml", yaml, server.baseUrl()).toString());

        assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("spec.variables.password.fromEnv:")
                .contains("STAMPEDE_TEST_UNSET_VARIABLE is not set");
        assertThat(outcome.out()).doesNotContain("valid LoadTest");
    }

    @Test
    void showsHelpForEachCommand() {
        for (String command : new String[] {"run", "validate", "presets", "demo", "master", "worker"}) {
            Cli.Outcome outcome = stampede(command, "--help");
            assertThat(outcome.exitCode()).as(command).isZero();
            assertThat(outcome.out()).as(command).contains("Usage: stampede " + command);
            assertThat(stampede("help", command).out()).isEqualTo(outcome.out());
        }
        assertThat(stampede("--help").out()).contains("Commands:").contains("  run ").contains("  worker ");
        assertThat(stampede().out()).isEqualTo(stampede("--help").out());
        assertThat(stampede("--version").out()).startsWith("stampede ");
    }

    @Test
    void suggestsTheCommandMeantByATypo() {
        Cli.Outcome outcome = stampede("rn", "loadtest.yaml");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("unknown command: 'rn' (did you mean 'run'?)").contains("stampede --help");
        assertThat(stampede("help", "nope").exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    }

    @Test
    void namesTheMissingRequiredOption() {
        Cli.Outcome outcome = stampede("worker");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("--master").contains("stampede worker --help");
    }

    @Test
    void rejectsAVariableWhoseEnvironmentVariableIsNotSet() throws Exception {
        String yaml = VALID.replace("  thresholds:", "  variables:\n    password: {fromEnv: STAMPEDE_TEST_UNSET_VARIABLE}\n  thresholds:");
        Path test = file(dir, "env.yaml", yaml, server.baseUrl());
        assertThat(Files.readString(test)).contains("fromEnv");

        Cli.Outcome outcome = stampede("run", test.toString(), "-q");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("spec.variables.password.fromEnv:").contains("STAMPEDE_TEST_UNSET_VARIABLE");
    }
}
