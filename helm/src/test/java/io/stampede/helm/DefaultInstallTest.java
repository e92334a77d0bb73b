package io.stampede.helm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code helm template stampede helm/stampede -n stampede-system}: the objects a cluster-wide install creates. */
class DefaultInstallTest {

    private static final RenderedChart CHART = ChartRendering.renderDefaults();

    @Test
    void rendersTheOperatorWithClusterWideRbacAndNoMonitors() {
        assertThat(CHART.kinds()).containsExactlyInAnyOrder(
                "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Service", "Deployment", "ConfigMap");
        assertThat(CHART.objects()).filteredOn(o -> !o.path("kind").asText().startsWith("Cluster"))
                .allSatisfy(o -> assertThat(o.at("/metadata/namespace").asText()).isEqualTo("stampede-system"));
    }

    @Test
    void runsOneOperatorReplacedByRecreate() {
        JsonNode deployment = CHART.one("Deployment");

        assertThat(deployment.at("/metadata/name").asText()).isEqualTo("stampede-operator");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
        assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo("stampede-operator");
    }

    @Test
    void podMeetsTheRestrictedPodSecurityStandard() {
        JsonNode pod = CHART.one("Deployment").at("/spec/template/spec");
        JsonNode container = CHART.operatorContainer();

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(container.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(container.at("/securityContext/capabilities/drop")).extracting(JsonNode::asText).containsExactly("ALL");
        assertThat(container.at("/securityContext/capabilities/add").isMissingNode()).isTrue();
        assertThat(container.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.path("hostNetwork").asBoolean(false)).isFalse();
        assertThat(container.at("/securityContext/privileged").asBoolean(false)).isFalse();
    }

    @Test
    void tmpIsAWritableEmptyDirBesideTheReadOnlyRoot() {
        JsonNode pod = CHART.one("Deployment").at("/spec/template/spec");

        assertThat(CHART.operatorContainer().path("volumeMounts"))
                .anySatisfy(m -> assertThat(m.path("mountPath").asText()).isEqualTo("/tmp"));
        String tmpVolume = StreamSupport.stream(CHART.operatorContainer().path("volumeMounts").spliterator(), false)
                .filter(m -> m.path("mountPath").asText().equals("/tmp")).findFirst().orElseThrow()
                .path("name").asText();
        assertThat(pod.path("volumes")).anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo(tmpVolume);
            assertThat(v.has("emptyDir")).isTrue();
        });
    }

    @Test
    void imagesDefaultToTheChartsAppVersion() throws IOException {
        String appVersion = RenderedChart.YAML.readTree(RepoFiles.chartDir().resolve("Chart.yaml").toFile())
                .path("appVersion").asText();

        assertThat(appVersion).isEqualTo("0.1.0");
        assertThat(CHART.operatorContainer().path("image").asText())
                .isEqualTo("ghcr.io/stampede-io/stampede-operator:" + appVersion);
        assertThat(CHART.operatorEnv()).containsEntry("STAMPEDE_RUNNER_IMAGE",
                "ghcr.io/stampede-io/stampede-runner:" + appVersion);
        assertThat(CHART.operatorContainer().path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
    }

    @Test
    void operatorSettingsHaveTheContractDefaults() {
        assertThat(CHART.operatorEnv()).containsAllEntriesOf(Map.of(
                "STAMPEDE_TARGET_ALLOWLIST", "",
                "STAMPEDE_ALLOWED_IMAGES", "",
                "STAMPEDE_MAX_CONCURRENT_PER_NAMESPACE", "5",
                "STAMPEDE_PROGRESS_INTERVAL", "5s",
                "STAMPEDE_WORKERS_CONNECT_TIMEOUT", "5m",
                "QUARKUS_OPERATOR_SDK_CONTROLLERS_LOADTEST_NAMESPACES", "JOSDK_ALL_NAMESPACES",
                "QUARKUS_OPERATOR_SDK_CRD_APPLY", "false"));
    }

    @Test
    void probesAskQuarkusHealthOnTheHttpPort() {
        JsonNode container = CHART.operatorContainer();

        assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
    }

    @Test
    void clusterRoleGrantsExactlyTheContractsPermissions() {
        JsonNode role = CHART.one("ClusterRole");

        assertThat(ContractRules.grantsOf(role)).containsExactlyInAnyOrderElementsOf(ContractRules.GRANTS);
        assertThat(role.path("rules")).allSatisfy(rule -> {
            assertThat(rule.path("verbs")).extracting(JsonNode::asText).doesNotContain("*");
            assertThat(rule.path("resources")).extracting(JsonNode::asText).doesNotContain("*");
            assertThat(rule.path("apiGroups")).extracting(JsonNode::asText).doesNotContain("*");
            assertThat(rule.has("nonResourceURLs")).isFalse();
        });
    }

    @Test
    void clusterRoleBindingBindsTheOperatorsServiceAccount() {
        JsonNode binding = CHART.one("ClusterRoleBinding");

        assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("ClusterRole");
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo(CHART.one("ClusterRole").at("/metadata/name").asText());
        assertThat(binding.path("subjects")).hasSize(1);
        assertThat(binding.at("/subjects/0/kind").asText()).isEqualTo("ServiceAccount");
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo(CHART.one("ServiceAccount").at("/metadata/name").asText());
        assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo("stampede-system");
    }

    @Test
    void metricsServiceReachesTheOperatorPodOnPort8080() {
        JsonNode service = CHART.one("Service");
        JsonNode podLabels = CHART.one("Deployment").at("/spec/template/metadata/labels");

        assertThat(service.at("/spec/ports")).hasSize(1);
        assertThat(service.at("/spec/ports/0/name").asText()).isEqualTo("http-metrics");
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        service.at("/spec/selector").fields().forEachRemaining(label ->
                assertThat(podLabels.path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
        assertThat(service.at("/spec/selector/app.kubernetes.io~1component").asText()).isEqualTo("operator");
    }

    @Test
    void dashboardConfigMapCarriesTheDashboardForTheGrafanaSidecar() throws IOException {
        JsonNode configMap = CHART.one("ConfigMap");

        assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        assertThat(configMap.at("/data/stampede.json").asText())
                .isEqualTo(Files.readString(RepoFiles.dashboard()).strip());
    }
}
