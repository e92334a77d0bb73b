package io.stampede.helm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Values a cluster admin sets land where the operator and the kubelet read them. */
class CustomValuesTest {

    private static final RenderedChart CHART = ChartRendering.render("""
            image: {repository: registry.example.com/stampede-operator, tag: 0.2.0-rc1, pullPolicy: Always}
            runnerImage: {repository: registry.example.com/stampede-runner, tag: 0.2.0-rc1}
            targetAllowlist: [shop.staging.svc, "*.staging.svc:8080", "10.0.0.7:*", "[fd00::7]:443"]
            allowedImages: ["registry.example.com/stampede-runner:*", "registry.example.com/tools/runner@sha256:*"]
            maxConcurrentPerNamespace: 2
            extraEnv: [{name: QUARKUS_LOG_CATEGORY__IO_STAMPEDE__LEVEL, value: DEBUG}]
            imagePullSecrets: [{name: registry-pull}]
            podAnnotations: {example.com/team: perf}
            nodeSelector: {kubernetes.io/arch: amd64}
            tolerations: [{key: dedicated, operator: Equal, value: load, effect: NoSchedule}]
            affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms:
              [{matchExpressions: [{key: pool, operator: In, values: [tools]}]}]}}}
            resources: {requests: {cpu: 200m, memory: 300Mi}, limits: {memory: 600Mi}}
            dashboard: {enabled: false}
            """);

    @Test
    void imagesComeFromTheValues() {
        assertThat(CHART.operatorContainer().path("image").asText())
                .isEqualTo("registry.example.com/stampede-operator:0.2.0-rc1");
        assertThat(CHART.operatorContainer().path("imagePullPolicy").asText()).isEqualTo("Always");
        assertThat(CHART.operatorEnv())
                .containsEntry("STAMPEDE_RUNNER_IMAGE", "registry.example.com/stampede-runner:0.2.0-rc1");
    }

    @Test
    void allowlistAllowedImagesAndCapReachTheOperatorAsEnv() {
        assertThat(CHART.operatorEnv())
                .containsEntry("STAMPEDE_TARGET_ALLOWLIST", "shop.staging.svc,*.staging.svc:8080,10.0.0.7:*,[fd00::7]:443")
                .containsEntry("STAMPEDE_ALLOWED_IMAGES",
                        "registry.example.com/stampede-runner:*,registry.example.com/tools/runner@sha256:*")
                .containsEntry("STAMPEDE_MAX_CONCURRENT_PER_NAMESPACE", "2")
                .containsEntry("QUARKUS_LOG_CATEGORY__IO_STAMPEDE__LEVEL", "DEBUG")
                .containsEntry("QUARKUS_OPERATOR_SDK_CRD_APPLY", "false");
    }

    @Test
    void schedulingAndPullSettingsReachThePod() {
        JsonNode pod = CHART.one("Deployment").at("/spec/template");

        assertThat(pod.at("/metadata/annotations/example.com~1team").asText()).isEqualTo("perf");
        assertThat(pod.at("/spec/imagePullSecrets/0/name").asText()).isEqualTo("registry-pull");
        assertThat(pod.at("/spec/nodeSelector/kubernetes.io~1arch").asText()).isEqualTo("amd64");
        assertThat(pod.at("/spec/tolerations/0/key").asText()).isEqualTo("dedicated");
        assertThat(pod.at("/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution"
                + "/nodeSelectorTerms/0/matchExpressions/0/values/0").asText()).isEqualTo("tools");
        assertThat(CHART.operatorContainer().at("/resources/requests/cpu").asText()).isEqualTo("200m");
        assertThat(CHART.operatorContainer().at("/resources/limits/memory").asText()).isEqualTo("600Mi");
    }

    @Test
    void dashboardCanBeLeftOut() {
        assertThat(CHART.kinds()).doesNotContain("ConfigMap");
    }
}
