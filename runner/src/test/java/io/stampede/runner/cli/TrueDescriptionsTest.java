package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code stampede validate} says what the run will truly do, and each mistake is reported once. */
class TrueDescriptionsTest {

    private static final String STAGED = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: ramp}
            spec:
              target: http://127.0.0.1:1
              load:
                LOAD
              userClasses:
                - name: visitor
                  tasks:
                    - {request: {method: GET, path: /home}}
            """;

    @TempDir
    Path dir;

    private Cli.Outcome validate(String load) {
        return stampede("validate", file(dir, "ramp.yaml", STAGED.replace("LOAD", load), "").toString());
    }

    @Test
    void aRampIsDescribedAtItsPaceOneLinePerStage() {
        Cli.Outcome outcome = validate("""
                stages:
                      - {duration: 80s, users: 320}
                      - {duration: 1m, users: 320}
                      - {duration: 10s, users: 0}""");

        assertThat(outcome.exitCode()).as(outcome.all()).isZero();
        assertThat(outcome.out()).contains("; 3 stages over 2m30s, up to 320 users")
                .contains("  stage 1, 1m20s: 0 to 320 users at 4 users/s")
                .contains("  stage 2, 1m: holds 320 users")
                .contains("  stage 3, 10s: 320 to 0 users at 32 users/s")
                .doesNotContain("all at once");
    }

    @Test
    void aSpawnRateSlowerThanAStagesLineIsShownAsTheCap() {
        Cli.Outcome outcome = validate("""
                spawnRate: 2
                    stages:
                      - {duration: 10s, users: 30}
                      - {duration: 1m, users: 30}""");

        assertThat(outcome.exitCode()).as(outcome.all()).isZero();
        assertThat(outcome.out()).contains("stage 1, 10s: 0 to 30 users at 2 users/s, the spawn rate, slower than "
                + "the stage's 3 users/s: about 20 by its end").contains("stage 2, 1m: holds 30 users");
    }

    @Test
    void aConstantLoadSaysHowFastUsersStart() {
        assertThat(validate("{users: 50, spawnRate: 4, duration: 5m}").out())
                .contains("; 50 users, started at 4 users/s (all running after 12.5s), for 5m");
        assertThat(validate("{users: 50, duration: 5m}").out()).contains("; 50 users, all started at once, for 5m");
    }

    @Test
    void aPresetInTheFileIsNamedWithTheWaitItImposes() {
        assertThat(validate("{preset: spike}").out())
                .contains("100 users, started at 100 users/s (all running after 1s), for 1m")
                .contains("  preset spike; every class waits between 100ms and 500ms");
    }

    @Test
    void aMissingEnvironmentVariableIsOneProblemNotAlsoAnUnknownVariable() {
        String yaml = STAGED.replace("LOAD", "{users: 1, duration: 1s}")
                .replace("  userClasses:", "  variables:\n    password: {fromEnv: STAMPEDE_TEST_UNSET_PASSWORD}\n"
                        + "  userClasses:")
                .replace("path: /home}", "path: /home, headers: {X-Password: \"${password}\"}}");

        Cli.Outcome outcome = stampede("validate", file(dir, "secret.yaml", yaml, "").toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("(1 problem)")
                .contains("spec.variables.password.fromEnv: the environment variable STAMPEDE_TEST_UNSET_PASSWORD "
                        + "is not set")
                .doesNotContain("unknown variable");
    }

    @Test
    void aMisspelledRequiredFieldIsOneProblemNotAlsoAMissingOne() {
        String yaml = STAGED.replace("LOAD", "{users: 1, duration: 1s}")
                .replace("  userClasses:", "  variables:\n    password: {fromenv: SHOP_PASSWORD}\n  userClasses:");

        Cli.Outcome outcome = stampede("validate", file(dir, "typo.yaml", yaml, "").toString());

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(outcome.err()).contains("(1 problem)")
                .contains("spec.variables.password.fromenv: unknown field 'fromenv' (did you mean 'fromEnv'?)")
                .doesNotContain("is required");
    }
}
