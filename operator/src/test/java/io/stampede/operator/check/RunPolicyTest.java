package io.stampede.operator.check;

import io.stampede.operator.api.LoadTest;
import io.stampede.operator.testing.SampleLoadTests;
import io.stampede.runner.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunPolicyTest {

    private static final RunPolicy POLICY = new RunPolicy(new TargetAllowlist(List.of("*.staging.svc:8080")),
            new ImageAllowlist("ghcr.io/stampede-io/stampede-runner:0.1.0", List.of()));

    @Test
    void theSampleRunsUnderAPolicyThatAllowsItsTarget() {
        assertThat(POLICY.problems(SampleLoadTests.shop("shop"))).isEmpty();
        assertThat(POLICY.refusal(SampleLoadTests.shop("shop"))).isEmpty();
    }

    @Test
    void namesEveryViolationWithItsPathInOneLine() {
        LoadTest loadTest = SampleLoadTests.parse(SampleLoadTests.SHOP.replace("NAME", "all")
                .replace(":8080", ":22").replace("  env:\n", "  image: evil.example/x:1\n  env:\n    - {name: LD_PRELOAD, "
                        + "valueFrom: {secretKeyRef: {name: s, key: k}}}\n"));

        assertThat(POLICY.problems(loadTest)).extracting(Problem::path)
                .containsExactly("spec.target", "spec.image", "spec.env[0].name");
        assertThat(POLICY.refusal(loadTest)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("not allowed by the operator's policy: spec.target: port 22 of shop.staging.svc is not in ")
                .contains("; spec.image: the image evil.example/x:1 is not one the operator allows")
                .contains("; spec.env[0].name: LD_PRELOAD changes the JVM"));
    }

    @Test
    void aNotifyWebhookOutsideTheTargetAllowlistIsRefusedWithItsPath() {
        LoadTest loadTest = SampleLoadTests.parse(SampleLoadTests.SHOP.replace("NAME", "hooks")
                .replace("  thresholds:\n", "  notify:\n"
                        + "    - {url: \"http://chat.staging.svc:8080/hook\", on: [end]}\n"
                        + "    - {url: \"https://hooks.example.com/T0/B1/s3cret\", on: [start, end]}\n"
                        + "  thresholds:\n"));

        assertThat(POLICY.problems(loadTest)).extracting(Problem::path).containsExactly("spec.notify[1].url");
        assertThat(POLICY.refusal(loadTest)).hasValueSatisfying(message -> assertThat(message)
                .contains("spec.notify[1].url: the host hooks.example.com is not in the operator's target allowlist")
                .doesNotContain("s3cret"));
    }
}
