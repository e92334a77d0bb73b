package io.stampede.operator.check;

import io.stampede.operator.api.LoadTestSpec;
import io.stampede.operator.testing.SampleLoadTests;
import io.stampede.runner.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EnvPolicyTest {

    /** The shop sample with one more env entry and, when {@code readBy} is set, a variable reading it. */
    private static LoadTestSpec withEnv(String name, String readBy) {
        String yaml = SampleLoadTests.SHOP.replace("NAME", "env").replace("  env:\n", """
                  env:
                    - name: %s
                      valueFrom: {secretKeyRef: {name: extra, key: value}}
                """.formatted(name));
        if (readBy != null) {
            yaml = yaml.replace("password: {fromEnv: SHOP_PASSWORD}",
                    "password: {fromEnv: SHOP_PASSWORD}\n    " + readBy + ": {fromEnv: " + name + "}");
        }
        return SampleLoadTests.parse(yaml).getSpec();
    }

    @Test
    void envThatAFromEnvVariableReadsIsAllowed() {
        assertThat(EnvPolicy.problems(SampleLoadTests.shop("shop").getSpec())).isEmpty();
        assertThat(EnvPolicy.problems(withEnv("API_KEY", "apiKey"))).isEmpty();
    }

    @Test
    void envThatNoVariableReadsIsRefusedWithItsPath() {
        assertThat(EnvPolicy.problems(withEnv("HOSTS", null))).containsExactly(new Problem("spec.env[0].name",
                "HOSTS is read by no fromEnv variable; spec.env may set only the variables the test reads "
                        + "(spec.variables.<name>: {fromEnv: HOSTS})"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "STAMPEDE_JAVA_OPTS", "LD_PRELOAD",
            "LD_LIBRARY_PATH", "HOSTALIASES", "RES_OPTIONS", "LOCALDOMAIN", "GLIBC_TUNABLES", "http_proxy", "HTTPS_PROXY",
            "java_tool_options", "POD_NAME", "JAVA_HOME"})
    void namesThatChangeTheJvmOrNameResolutionAreRefusedEvenWhenAVariableReadsThem(String name) {
        assertThat(EnvPolicy.problems(withEnv(name, "sneaky"))).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("spec.env[0].name");
            assertThat(problem.message()).isEqualTo(name + " changes the JVM, the dynamic linker, name resolution or "
                    + "the runner's launcher; the operator does not let a LoadTest set it");
        });
    }
}
