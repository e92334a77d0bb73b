package io.stampede.operator.check;

import io.stampede.runner.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImageAllowlistTest {

    private static final String RUNNER = "ghcr.io/stampede-io/stampede-runner:0.1.0";

    @ParameterizedTest(name = "[{0}] {1} -> allowed: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            ''                                       | ghcr.io/stampede-io/stampede-runner:0.1.0          | true
            ''                                       | null                                                | true
            ''                                       | ghcr.io/stampede-io/stampede-runner:0.2.0          | false
            ''                                       | ' ghcr.io/stampede-io/stampede-runner:0.1.0'       | false
            ''                                       | registry.example.com/curl:1                         | false
            registry.example.com/stampede-runner:*   | registry.example.com/stampede-runner:0.2.0         | true
            registry.example.com/stampede-runner:*   | registry.example.com/stampede-runner-evil:1        | false
            registry.example.com/stampede-runner:*   | ghcr.io/stampede-io/stampede-runner:0.1.0          | true
            registry.example.com/stampede-runner:1.0 | registry.example.com/stampede-runner:1.0           | true
            registry.example.com/stampede-runner:1.0 | registry.example.com/stampede-runner:1.0.1         | false
            registry.example.com/stampede-runner:1.0 | REGISTRY.example.com/stampede-runner:1.0           | false
            'a.example/x:1, b.example/y@sha256:*'    | b.example/y@sha256:0123abcd                         | true
            *                                        | anything.example/at-all:latest                      | true
            """)
    void allowsTheRunnerImageAndWhatTheAdminListed(String patterns, String image, boolean allowed) {
        ImageAllowlist allowlist = new ImageAllowlist(RUNNER, Arrays.asList(patterns.split(",")));

        assertThat(allowlist.refusal(image).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void namesTheImageAndWhatIsAllowed() {
        ImageAllowlist allowlist = new ImageAllowlist(RUNNER, List.of("registry.example.com/stampede-runner:*"));

        assertThat(allowlist.refusal("evil.example/load:1")).contains(new Problem("spec.image",
                "the image evil.example/load:1 is not one the operator allows (" + RUNNER
                        + ", registry.example.com/stampede-runner:*); leave spec.image out or ask your cluster admin to allow it"));
    }
}
