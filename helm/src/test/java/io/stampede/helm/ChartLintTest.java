package io.stampede.helm;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Helm's own checks: lint, and values.schema.json refusing values of the wrong type or name. */
class ChartLintTest {

    @Test
    void lintsCleanInStrictMode() {
        LintResult result = ChartRendering.chart().lint().strict().call();

        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void refusesClustersOlderThanTheWorkerJobNeeds() {
        // backoffLimitPerIndex, which keeps a failed worker from being restarted, is on by default from 1.29
        assertThatThrownBy(() -> ChartRendering.renderFor("v1.28.9"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(">=1.29.0-0");
        assertThat(ChartRendering.renderFor("v1.29.0")).contains("kind: Deployment");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            maxConcurrentPerNamespace: many                | maxConcurrentPerNamespace
            maxConcurrentPerNamespace: 0                   | maxConcurrentPerNamespace
            watchNamespaces: team-a                        | watchNamespaces
            watchNamespaces: [Team_A]                      | watchNamespaces
            targetAllowlist: '*.staging.svc,shop.svc'      | targetAllowlist
            targetAllowlist: ['*.staging.svc:8080;443']    | targetAllowlist
            targetAllowlist: ['shop.svc:http']             | targetAllowlist
            targetAllowlist: ['https://shop.svc']          | targetAllowlist
            allowedImages: ['a.example/x:1,b.example/y:2'] | allowedImages
            image: {pullPolicy: Sometimes}                 | pullPolicy
            serviceMonitor: {enabled: 'yes'}               | serviceMonitor
            progressInterval: 5 seconds                    | progressInterval
            watchNamespace: [team-a]                       | watchNamespace
            """)
    void schemaRejectsBadValueWithHelmError(String valuesYaml, String offendingKey) {
        assertThatThrownBy(() -> ChartRendering.render(valuesYaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema")
                .hasMessageContaining(offendingKey);
    }
}
