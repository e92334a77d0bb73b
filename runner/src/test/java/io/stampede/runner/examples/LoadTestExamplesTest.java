package io.stampede.runner.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.ExitCode;
import io.stampede.runner.cli.StampedeCli;
import io.stampede.runner.examples.ExampleManifests.Manifest;
import io.stampede.runner.scenario.compile.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LoadTests under k8s/examples/: each passes {@code stampede validate}, and each has what a user applying it
 * to a cluster needs: worker pods, a target the example Service answers at, secrets from Secrets only.
 */
class LoadTestExamplesTest {

    private static final ExampleManifests EXAMPLES = ExampleManifests.load();

    static List<Path> loadTestFiles() {
        return EXAMPLES.ofKind("LoadTest").stream().map(Manifest::file).distinct().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loadTestFiles")
    void passesStampedeValidate(Path file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = StampedeCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "validate",
                file.toString());

        assertThat(code).as(out + "" + err).isEqualTo(ExitCode.OK.code());
        assertThat(out.toString()).contains(": valid LoadTest '");
    }

    @Test
    void eachLoadTestFileHoldsOneDocument() {
        for (Path file : loadTestFiles()) {
            assertThat(EXAMPLES.all()).filteredOn(manifest -> manifest.file().equals(file))
                    .as("stampede run and validate read one document: %s", file).hasSize(1);
        }
    }

    @Test
    void thereIsOneExamplePerPresetTheRunnerBuilds() {
        List<String> presets = EXAMPLES.ofKind("LoadTest").stream()
                .map(test -> test.spec().path("load").path("preset").asText(null))
                .filter(preset -> preset != null).toList();

        List<String> built = new java.util.ArrayList<>(Preset.names());
        built.add(Preset.STRESS);
        assertThat(presets).containsExactlyInAnyOrderElementsOf(built);
        for (String preset : built) {
            assertThat(ExampleManifests.DIR.resolve(preset + ".yaml")).exists();
        }
    }

    @Test
    void theReadmeListsEveryPresetsExample() throws Exception {
        String readme = Files.readString(ExampleManifests.DIR.resolve("README.md"));

        for (String preset : List.of("smoke", "basic", "spike", "endurance", Preset.STRESS)) {
            assertThat(readme).contains("`" + preset + ".yaml`");
        }
    }

    @Test
    void everyExampleSaysHowManyWorkerPods() {
        for (Manifest test : EXAMPLES.ofKind("LoadTest")) {
            JsonNode workers = test.spec().path("workers");
            assertThat(workers.isInt() && workers.asInt() >= 1).as("%s spec.workers: %s", test, workers).isTrue();
        }
    }

    @Test
    void everyExampleAimsAtTheDemoTargetService() {
        JsonNode service = EXAMPLES.one("Service", "demo-target").spec();
        String serviceUrl = "http://demo-target:" + service.path("ports").path(0).path("port").asInt();

        for (Manifest test : EXAMPLES.ofKind("LoadTest")) {
            assertThat(test.spec().path("target").asText()).as(test.toString()).isEqualTo(serviceUrl);
        }
    }

    @Test
    void everyVariableFromTheEnvironmentComesFromAnExampleSecret() {
        int fromSecrets = 0;
        for (Manifest test : EXAMPLES.ofKind("LoadTest")) {
            for (JsonNode variable : iterable(test.spec().path("variables"))) {
                if (!variable.has("fromEnv")) continue;
                String envName = variable.path("fromEnv").asText();
                JsonNode env = iterable(test.spec().path("env")).stream()
                        .filter(entry -> entry.path("name").asText().equals(envName)).findFirst()
                        .orElseThrow(() -> new AssertionError(test + ": no spec.env entry for " + envName));
                JsonNode secretRef = env.path("valueFrom").path("secretKeyRef");

                assertThat(env.has("value")).as("%s: %s inline", test, envName).isFalse();
                assertThat(secretRef.isObject()).as("%s: %s from a Secret", test, envName).isTrue();
                JsonNode secret = EXAMPLES.one("Secret", secretRef.path("name").asText()).object();
                String key = secretRef.path("key").asText();
                assertThat(secret.path("stringData").has(key) || secret.path("data").has(key))
                        .as("%s: Secret %s has key %s", test, secretRef.path("name").asText(), key).isTrue();
                fromSecrets++;
            }
        }
        assertThat(fromSecrets).as("variables read from Secrets in the examples").isPositive();
    }

    @Test
    void shopExampleLogsInOnceAndRenewsExpiredTokens() {
        JsonNode member = EXAMPLES.one("LoadTest", "shop-jwt").spec().path("userClasses").path(0);

        assertThat(member.path("onStart").path(0).path("extract").has("token")).isTrue();
        assertThat(member.path("onStart").path(0).path("request").path("json").path("password").asText())
                .isEqualTo("${password}");
        assertThat(iterable(member.path("reauthOn"))).extracting(JsonNode::asInt).containsExactly(401);
        assertThat(member.path("headers").path("Authorization").asText()).isEqualTo("Bearer ${token}");
        assertThat(EXAMPLES.one("LoadTest", "shop-jwt").spec().path("thresholds")).isNotEmpty();
    }

    private static List<JsonNode> iterable(JsonNode node) {
        return StreamSupport.stream(node.spliterator(), false).toList();
    }
}
