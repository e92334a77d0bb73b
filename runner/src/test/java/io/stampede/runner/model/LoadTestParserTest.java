package io.stampede.runner.model;

import io.stampede.runner.model.spec.ExtractSpec;
import io.stampede.runner.model.spec.LoadTestDocument;
import io.stampede.runner.model.spec.LoadTestSpec;
import io.stampede.runner.model.spec.TaskSpec;
import io.stampede.runner.model.spec.UserClassSpec;
import io.stampede.runner.model.spec.VariableSpec;
import io.stampede.runner.model.spec.WaitSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadTestParserTest {

    static final Path EXAMPLE = Path.of("src/test/resources/loadtests/shop-api.yaml");

    @Test
    void readsTheContractExampleAsWritten() throws Exception {
        LoadTestDocument document = LoadTestParser.parse(EXAMPLE);
        assertThat(document.name()).isEqualTo("shop-api");
        LoadTestSpec spec = document.spec();
        assertThat(spec.target()).isEqualTo("http://shop.staging.svc:8080");
        assertThat(spec.load().preset()).isEqualTo("basic");
        assertThat(spec.load().users()).isEqualTo(10);
        assertThat(spec.load().spawnRate()).isEqualTo(2.0);
        assertThat(spec.load().duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(spec.load().stopTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.workers()).isEqualTo(4);
        assertThat(spec.tags().include()).containsExactly("browse");
        assertThat(spec.tags().exclude()).containsExactly("slow");
        assertThat(spec.variables()).containsExactly(Map.entry("password", new VariableSpec.FromEnv("SHOP_PASSWORD")));
        assertThat(spec.defaults().headers()).containsExactly(Map.entry("Accept", "application/json"));
        assertThat(spec.defaults().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.thresholds()).hasSize(5);
        assertThat(spec.thresholds().get(4).request()).isEqualTo("GET /api/products/{id}");

        UserClassSpec shopper = spec.userClasses().get(0);
        assertThat(shopper.name()).isEqualTo("shopper");
        assertThat(shopper.weight()).isEqualTo(6);
        assertThat(shopper.waitSpec()).isEqualTo(new WaitSpec.Between(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        assertThat(shopper.onStart()).hasSize(1);
        assertThat(shopper.onStart().get(0).extract())
                .containsExactly(Map.entry("token", new ExtractSpec.JsonPath("$.access_token")));
        assertThat(shopper.reauthOn()).containsExactly(401);
        assertThat(shopper.tasks()).extracting(TaskSpec::name, TaskSpec::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("list products", 5),
                        org.assertj.core.groups.Tuple.tuple("view product", 3),
                        org.assertj.core.groups.Tuple.tuple("checkout", 1));
        TaskSpec checkout = shopper.tasks().get(2);
        assertThat(checkout.request()).isNull();
        assertThat(checkout.steps()).hasSize(2);
        assertThat(checkout.steps().get(1).expect().messages()).containsExactly(Map.entry(409, "Cart was empty"));

        UserClassSpec monitor = spec.userClasses().get(1);
        assertThat(monitor.waitSpec()).isEqualTo(new WaitSpec.Constant(Duration.ofSeconds(5)));
        assertThat(monitor.tasks().get(0).weight()).isEqualTo(1);
        assertThat(monitor.tasks().get(0).request().request().path()).isEqualTo("/health");
    }

    @Test
    void acceptsAndIgnoresPodSettingsAndKubernetesMetadata() throws Exception {
        LoadTestDocument document = LoadTestParser.parse("""
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                metadata: {name: t, namespace: qa, labels: {team: shop}}
                spec:
                  target: http://localhost:8080
                  env: [{name: SHOP_PASSWORD, valueFrom: {secretKeyRef: {name: s, key: k}}}]
                  image: stampede:dev
                  resources: {limits: {cpu: "1"}}
                  nodeSelector: {pool: load}
                  tolerations: [{key: x, anything: goes}]
                  affinity: {whatever: 1}
                  imagePullSecrets: [{name: reg}]
                  serviceAccountName: runner
                  ttlSecondsAfterFinished: 600
                  master: {annotations: {sidecar.istio.io/inject: "false"}}
                  workerPods: {labels: {team: shop}, securityContext: {}}
                  userClasses: [{name: u, tasks: [{request: {method: get, path: /}}]}]
                status: {phase: Running}
                """);
        assertThat(document.spec().userClasses().get(0).tasks().get(0).request().request().method())
                .isEqualTo("GET");
    }

    @Test
    void acceptsAJsonFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("test.json");
        Files.writeString(file, """
                {
                \t"apiVersion": "stampede.io/v1alpha1",
                \t"kind": "LoadTest",
                \t"metadata": {"name": "from-json"},
                \t"spec": {
                \t\t"target": "http://localhost:8080",
                \t\t"userClasses": [{"name": "u", "tasks": [{"request": {"method": "GET", "path": "/"}}]}]
                \t}
                }
                """);
        assertThat(LoadTestParser.parse(file).name()).isEqualTo("from-json");
    }

    @Test
    void reportsJsonSyntaxErrorsWithLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"apiVersion\": \"stampede.io/v1alpha1\",\n  \"kind\": \"LoadTest\"\n  \"spec\": {}\n}\n");
        assertThatThrownBy(() -> LoadTestParser.parse(file))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.path()).isEqualTo("(file)");
                            assertThat(problem.message()).startsWith("not valid JSON at line 4, column 3");
                        }));
    }

    @Test
    void reportsYamlSyntaxErrorsWithLineAndColumn() {
        assertThatThrownBy(() -> LoadTestParser.parse("""
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                spec:
                  userClasses: [{name: u
                  target: x
                """))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).path()).isEqualTo("(file)");
                    assertThat(e.problems().get(0).message()).startsWith("not valid YAML at line 5, column");
                });
    }

    @Test
    void hintsAtQuotingWhenAQueryStringBreaksAFlowMapping() {
        assertThatThrownBy(() -> LoadTestParser.parse("""
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                metadata: {name: t}
                spec:
                  userClasses: [{name: u, tasks: [{request: {method: GET, path: /items?page=1}}]}]
                """))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(problem -> assertThat(problem.message())
                                .startsWith("not valid YAML at line 5")
                                .endsWith("quote text that holds '?', such as path: '/items?page=1'")));
    }

    @Test
    void reportsAMissingFileAsAProblem(@TempDir Path dir) {
        assertThatThrownBy(() -> LoadTestParser.parse(dir.resolve("nope.yaml")))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems().get(0))
                        .hasToString("(file): cannot read " + dir.resolve("nope.yaml") + ": no such file"));
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() {
        assertThatThrownBy(() -> LoadTestParser.parse("""
                apiVersion: stampede.io/v1beta1
                kind: LoadTest
                metadata: {name: shop}
                spec:
                  target: ftp://shop
                  load: {users: -1, spawnRate: 0, duration: 10, stopTimout: 5s}
                  userClasses:
                    - name: shopper
                      weight: 0
                      wait: {between: [3s, 1s]}
                      tasks:
                        - request: {method: FETCH, path: api/items}
                          expect: {status: [200, 700]}
                        - name: both
                          request: {method: GET, path: /}
                          steps: [{request: {method: GET, path: /}}]
                    - name: shopper
                      tasks: []
                """))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path)
                        .containsExactly(
                                "apiVersion",
                                "spec.target",
                                "spec.load.stopTimout",
                                "spec.load.users",
                                "spec.load.spawnRate",
                                "spec.load.duration",
                                "spec.userClasses[0].weight",
                                "spec.userClasses[0].wait.between",
                                "spec.userClasses[0].tasks[0].request.method",
                                "spec.userClasses[0].tasks[0].request.path",
                                "spec.userClasses[0].tasks[0].expect.status[1]",
                                "spec.userClasses[0].tasks[1]",
                                "spec.userClasses[1].tasks",
                                "spec.userClasses[1].name"));
    }

    @Test
    void problemsReadAsPathColonMessage() {
        assertThat(new Problem("spec.load.users", "must be at least 1, got 0"))
                .hasToString("spec.load.users: must be at least 1, got 0");
        InvalidLoadTestException e = new InvalidLoadTestException(List.of(
                new Problem("a", "x"), new Problem("b", "y")));
        assertThat(e.getMessage()).isEqualTo("invalid LoadTest (2 problems):\n  a: x\n  b: y");
    }

    @Test
    void unknownFieldsNameTheAllowedOnesAndSuggestTheClosest() throws IOException {
        assertThatThrownBy(() -> LoadTestParser.parse("""
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                metadata: {name: t}
                spec:
                  load: {usres: 5}
                  userClasses: [{name: u, tasks: [{request: {method: GET, path: /}}]}]
                """))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("spec.load.usres", "unknown field 'usres' (did you mean "
                                + "'users'?); allowed fields: preset, users, spawnRate, duration, stages, "
                                + "stress, stopTimeout, arrivalRate")));
    }
}
