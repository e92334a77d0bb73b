package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.testing.PluginJars;
import io.stampede.runner.testing.SamplePlugins;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad {@code --plugins} directories and files naming extensions that are not there: exit 2 with the path (the
 * flag's or the field's) and what was expected, no stack trace, nothing sent.
 */
class PluginBadInputTest {

    private static final String VALID = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata: {name: refs}
            spec:
              target: TARGET
              load: {users: 1, duration: 1s}
              userClasses:
                - name: u
                  tasks:
                    - request: {method: GET, path: "/a/${shout(x)}", sign: {plugin: needsKey, with: {key: k}}}
                      expect: {checks: [{plugin: hasWord, with: {word: ok}}]}
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown function   | shout(x)                     | nope(x)                        | spec.userClasses[0].tasks[0].request.path: unknown function 'nope' at position 4; functions: randomInt(min, max), randomUuid(), randomItem(a, b, ...); plugin functions: boom, shout
            function arguments | shout(x)                     | shout(x,y)                     | spec.userClasses[0].tasks[0].request.path: plugin shout: shout(text) takes 1 argument, got 2 at position 4
            unknown signer     | plugin: needsKey             | plugin: noSigner               | spec.userClasses[0].tasks[0].request.sign.plugin: unknown request signer 'noSigner'; signers: failingSigner, needsKey, sleepy, tag
            a signer refuses   | with: {key: k}               | with: {kee: k}                 | spec.userClasses[0].tasks[0].request.sign: plugin needsKey: needs the setting 'key' under with:
            signer without name| plugin: needsKey, with       | with                           | spec.userClasses[0].tasks[0].request.sign.plugin: is required
            unknown check      | plugin: hasWord              | plugin: hasWords               | spec.userClasses[0].tasks[0].expect.checks[0].plugin: unknown check 'hasWords'; plugin checks: hasWord, throwingCheck
            unknown variable   | {word: ok}                   | {word: "${nothing}"}           | spec.userClasses[0].tasks[0].expect.checks[0].with.word: unknown variable 'nothing'
            """)
    void aFileNamingAnExtensionThatIsNotThereExitsTwoWithTheFieldPath(String kind, String valid, String broken,
                                                                    String message) throws Exception {
        Path plugins = dir.resolve("plugins");
        SamplePlugins.sample(plugins);
        try (TargetServer server = TargetServer.start()) {
            String yaml = VALID.replace(valid, broken);
            assertThat(yaml).as("the case edits the file").isNotEqualTo(VALID);
            Path test = file(dir, "refs.yaml", yaml, server.baseUrl());

            Cli.Outcome run = stampede("run", test.toString(), "-q", "--plugins", plugins.toString());

            assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(run.err()).contains(message);
            assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(server.totalRequests()).as("requests sent for an invalid file").isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown step             | - step: {plugin: nope}                                   | spec.userClasses[0].tasks[0].steps[0].step.plugin: unknown custom step 'nope'; plugin steps: broken, never, pause
            step settings refused    | - step: {plugin: pause}                                  | spec.userClasses[0].tasks[0].steps[0].step: plugin pause: needs the setting 'millis' under with:
            step with a request too  | - {step: {plugin: never}, request: {method: GET, path: /}} | spec.userClasses[0].tasks[0].steps[0].request: a step is either a request or a plugin step (step:), not both
            step timeout unit        | - step: {plugin: never, timeout: 5}                      | spec.userClasses[0].tasks[0].steps[0].step.timeout: expected a duration
            """)
    void aBadPluginStepExitsTwoWithItsFieldPath(String kind, String step, String message) throws Exception {
        Path plugins = dir.resolve("plugins");
        SamplePlugins.sample(plugins);
        try (TargetServer server = TargetServer.start()) {
            Path test = file(dir, "step.yaml", """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: step}
                    spec:
                      target: TARGET
                      load: {users: 1, duration: 1s}
                      userClasses:
                        - name: u
                          tasks:
                            - steps:
                                STEP
                    """.replace("STEP", step), server.baseUrl());

            Cli.Outcome run = stampede("run", test.toString(), "-q", "--plugins", plugins.toString());

            assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(run.err()).contains(message);
            assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(server.totalRequests()).isZero();
        }
    }

    @Test
    void setupRefusesAPluginStepAndASignature() throws Exception {
        Path plugins = dir.resolve("plugins");
        SamplePlugins.sample(plugins);
        Path test = file(dir, "setup.yaml", """
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                metadata: {name: setup}
                spec:
                  target: http://127.0.0.1:9
                  load: {users: 1, duration: 1s}
                  setup:
                    - step: {plugin: never}
                    - request: {method: GET, path: /, sign: {plugin: tag, with: {who: x}}}
                  userClasses:
                    - name: u
                      tasks: [{request: {method: GET, path: /}}]
                """, "");

        Cli.Outcome run = stampede("validate", test.toString(), "--plugins", plugins.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(run.err()).contains("spec.setup[0].step: setup and teardown run requests only")
                .contains("spec.setup[1].request.sign: setup and teardown requests are not signed");
    }

    @Test
    void theSameFileIsValidWithThePluginsAndNamesThemUnknownWithout() throws Exception {
        Path plugins = dir.resolve("plugins");
        SamplePlugins.sample(plugins);
        Path test = file(dir, "refs.yaml", VALID, "http://127.0.0.1:9");

        Cli.Outcome with = stampede("validate", test.toString(), "--plugins", plugins.toString());
        Cli.Outcome without = stampede("validate", test.toString());

        assertThat(with.exitCode()).as(with.all()).isZero();
        assertThat(without.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(without.err()).contains("spec.userClasses[0].tasks[0].request.sign.plugin: unknown request signer "
                + "'needsKey'; signers: none (load plugins with --plugins DIR)");
    }

    @Test
    void aBadPluginDirectoryExitsTwoNamingIt() throws Exception {
        Path test = file(dir, "refs.yaml", VALID, "http://127.0.0.1:9");
        Path notADir = Files.writeString(dir.resolve("file.txt"), "x");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path noPlugin = dir.resolve("no-plugin");
        PluginJars.builder("library").source("lib.Util", "package lib; public class Util {}").writeTo(noPlugin);
        Path twice = dir.resolve("twice");
        SamplePlugins.sample(twice);
        PluginJars.builder("other").source("other.Shout", """
                package other;
                public final class Shout implements io.stampede.plugin.TemplateFunction {
                    public String name() { return "shout"; }
                    public Call bind(java.util.List<String> arguments) { return (out, user) -> out.append("!"); }
                }
                """).service("io.stampede.plugin.TemplateFunction", "other.Shout").writeTo(twice);
        Path builtIn = dir.resolve("built-in");
        PluginJars.builder("random").source("r.RandomInt", """
                package r;
                public final class RandomInt implements io.stampede.plugin.TemplateFunction {
                    public String name() { return "randomInt"; }
                    public Call bind(java.util.List<String> arguments) { return (out, user) -> out.append(4); }
                }
                """).service("io.stampede.plugin.TemplateFunction", "r.RandomInt").writeTo(builtIn);
        Path missingClass = dir.resolve("missing-class");
        PluginJars.builder("broken").source("b.Nothing", "package b; public class Nothing {}")
                .service("io.stampede.plugin.CustomCheck", "b.Absent").writeTo(missingClass);

        String[][] cases = {
                {dir.resolve("absent").toString(), "absent: no such directory"},
                {notADir.toString(), "file.txt: not a directory"},
                {empty.toString(), "empty: no .jar file in it"},
                {noPlugin.toString(), "library.jar: no Stampede plugin in it"},
                {twice.toString(), "the TemplateFunction 'shout' is defined twice: by other.jar (other.Shout) and by "
                        + "sample.jar (sample.Shout)"},
                {builtIn.toString(), "random.jar (r.RandomInt): the TemplateFunction 'randomInt' clashes with the "
                        + "built-in function randomInt()"},
                {missingClass.toString(), "cannot load a CustomCheck"},
        };
        for (String[] badCase : cases) {
            Cli.Outcome run = stampede("run", test.toString(), "-q", "--plugins", badCase[0]);

            assertThat(run.exitCode()).as(badCase[0] + ": " + run.all()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(run.err()).as(badCase[0]).contains("stampede: --plugins " + Path.of(badCase[0]).getParent())
                    .contains(badCase[1]);
            assertThat(run.all()).doesNotContain("\tat ");
        }
    }
}
