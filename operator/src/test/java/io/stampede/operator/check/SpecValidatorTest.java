package io.stampede.operator.check;

import io.stampede.operator.api.LoadTest;
import io.stampede.operator.testing.SampleLoadTests;
import io.stampede.runner.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Table-style: the shop sample as written, and in each case one fragment of it replaced. */
class SpecValidatorTest {

    /** @param path the problem's field path; {@code mentions} is part of its message */
    record Case(String name, String fragment, String replacement, String path, String mentions) {
        @Override
        public String toString() {
            return name;
        }

        LoadTest loadTest() {
            assertThat(SampleLoadTests.SHOP).contains(fragment);
            return SampleLoadTests.parse(SampleLoadTests.SHOP.replace("NAME", "shop").replace(fragment, replacement));
        }
    }

    static Stream<Case> malformed() {
        return Stream.of(
                new Case("unknown HTTP method", "{method: GET, path: \"/api/products?page",
                        "{method: FETCH, path: \"/api/products?page", "spec.userClasses[0].tasks[0].request.method", "FETCH"),
                new Case("no users", "users: 10,", "users: 0,", "spec.load.users", "0"),
                new Case("unreadable duration", "duration: 1m", "duration: a minute", "spec.load.duration", "a minute"),
                new Case("unknown template variable", "password: \"${password}\"", "password: \"${pasword}\"",
                        "spec.userClasses[0].onStart[0].request.json.password", "pasword"),
                // An unknown function name may be a plugin's (the pod's runner checks it); a built-in's arguments
                // are checked here.
                new Case("a built-in function's arguments in a path", "${randomInt(1,1000)}", "${randomInt(1000)}",
                        "spec.userClasses[0].tasks[1].request.path", "randomInt(min, max) takes 2 arguments"),
                new Case("unreadable threshold", "expr: p95 < 500ms", "expr: p95 below 500ms", "spec.thresholds[0].expr",
                        "expected an operator"),
                new Case("misspelt field", "weight: 5,", "wieght: 5,", "spec.userClasses[0].tasks[0].wieght", "wieght"),
                new Case("fromEnv not set by spec.env", "- name: SHOP_PASSWORD", "- name: SHOP_PASSWD",
                        "spec.variables.password.fromEnv", "SHOP_PASSWORD"),
                new Case("stress steps reversed", "load: {users: 10, spawnRate: 2, duration: 1m}",
                        "load: {stress: {users: {start: 50, step: 10, max: 20}, every: 30s}}",
                        "spec.load.stress.users.max", "20"),
                new Case("setup step without a path", "  thresholds:\n",
                        "  setup:\n    - request: {method: POST}\n  thresholds:\n", "spec.setup[0].request.path",
                        "is required"),
                new Case("setup value never extracted", "headers: {Authorization: \"Bearer ${token}\"}",
                        "headers: {Authorization: \"Bearer ${setup.token}\"}",
                        "spec.userClasses[0].headers.Authorization", "setup.token"),
                new Case("webhook on an unknown event", "  thresholds:\n",
                        "  notify:\n    - {url: \"http://chat.staging.svc:8080/h\", on: [done]}\n  thresholds:\n",
                        "spec.notify[0].on[0]", "done"));
    }

    @Test
    void stressStepsAndAnArrivalRateOnSeveralWorkersReachTheRunnerIntact() {
        LoadTest stress = SampleLoadTests.parse(SampleLoadTests.SHOP.replace("NAME", "shop").replace(
                "load: {users: 10, spawnRate: 2, duration: 1m}",
                "load: {stress: {users: {start: 5, step: 5, max: 20}, every: 30s}}"));
        LoadTest open = SampleLoadTests.parse(SampleLoadTests.SHOP.replace("NAME", "shop").replace(
                "load: {users: 10, spawnRate: 2, duration: 1m}",
                "load: {arrivalRate: {stages: [{duration: 1m, rate: 50}], per: 1s, maxUsers: 100}}"));
        assertThat(open.getSpec().getWorkers()).as("the master splits the rate over them").isEqualTo(2);

        assertThat(SpecValidator.problems(stress)).isEmpty();
        assertThat(SpecValidator.problems(open)).isEmpty();
        assertThat(io.stampede.operator.build.TestDocument.yaml(stress))
                .contains("stress:").contains("start: 5").contains("every: \"30s\"");
        assertThat(io.stampede.operator.build.TestDocument.yaml(open))
                .contains("arrivalRate:").contains("maxUsers: 100").contains("rate: 50.0");
    }

    @Test
    void pluginExtensionsAreAcceptedAndReachTheRunnerAsWritten() {
        // The operator has no plugins: the runner in the pod checks the names (exit 2, phase Error when unknown).
        LoadTest signed = SampleLoadTests.parse(SampleLoadTests.SHOP.replace("NAME", "shop")
                .replace("headers: {Authorization: \"Bearer ${token}\"}",
                        "headers: {Authorization: \"Bearer ${token}\"}\n      sign: {plugin: hmacSha256, with: {key: k}}")
                .replace("name: \"/api/products/{id}\"}}", "name: \"/api/products/{id}\"}}\n"
                        + "        - {name: publish, steps: [{step: {plugin: publish, timeout: 2s, with: {topic: t}}}]}")
                .replace("${randomInt(1,1000)}", "${customId(7)}")
                .replace("page=${randomInt(1,20)}\"}}", "page=${randomInt(1,20)}\", sign: {plugin: s2}}, "
                        + "expect: {checks: [{plugin: c1, with: {max: 3}}]}}")
                .replace("  thresholds:\n", "  defaults:\n    sign: {plugin: other, with: {key: \"${password}\"}}\n"
                        + "  thresholds:\n"));
        assertThat(signed.getSpec().getUserClasses().get(0).getSign().getPlugin()).isEqualTo("hmacSha256");

        assertThat(SpecValidator.problems(signed)).isEmpty();
        assertThat(io.stampede.operator.build.TestDocument.yaml(signed))
                .contains("plugin: \"hmacSha256\"").contains("plugin: \"other\"").contains("${customId(7)}").contains("plugin: \"c1\"").contains("plugin: \"publish\"");
    }

    @Test
    void theShopSampleIsValid() {
        assertThat(SpecValidator.problems(SampleLoadTests.shop("shop"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void namesTheFieldOfEachProblem(Case testCase) {
        List<Problem> problems = SpecValidator.problems(testCase.loadTest());

        assertThat(problems).extracting(Problem::path).containsExactly(testCase.path());
        assertThat(problems.get(0).message()).contains(testCase.mentions());
    }

    @Test
    void aMissingEnvVariableSaysHowToSetItFromASecret() {
        LoadTest loadTest = SampleLoadTests.shop("shop");
        loadTest.getSpec().setEnv(null);

        assertThat(SpecValidator.problems(loadTest)).containsExactly(new Problem("spec.variables.password.fromEnv",
                "the variable SHOP_PASSWORD is not set by spec.env: add {name: SHOP_PASSWORD, "
                        + "valueFrom: {secretKeyRef: {name: ..., key: ...}}}"));
    }

    @Test
    void describeShowsTheFirstThreeProblemsAndCountsTheRest() {
        List<Problem> problems = List.of(new Problem("spec.a", "one"), new Problem("spec.b", "two"),
                new Problem("spec.c", "three"), new Problem("spec.d", "four"), new Problem("spec.e", "five"));

        assertThat(SpecValidator.describe(problems))
                .isEqualTo("invalid LoadTest: spec.a: one; spec.b: two; spec.c: three (and 2 more)");
        assertThat(SpecValidator.describe(problems.subList(0, 1))).isEqualTo("invalid LoadTest: spec.a: one");
    }
}
