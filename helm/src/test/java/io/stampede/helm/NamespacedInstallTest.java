package io.stampede.helm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code watchNamespaces: [team-a, team-b]}: the operator gets rights in those namespaces only, and watches only them. */
class NamespacedInstallTest {

    private static final RenderedChart CHART = ChartRendering.render("""
            watchNamespaces: [team-a, team-b]
            podMonitor: {enabled: true}
            """);

    @Test
    void grantsNothingClusterWide() {
        assertThat(CHART.kinds()).doesNotContain("ClusterRole", "ClusterRoleBinding");
    }

    @Test
    void hasARoleWithTheContractsPermissionsInEachWatchedNamespace() {
        assertThat(CHART.ofKind("Role")).extracting(r -> r.at("/metadata/namespace").asText())
                .containsExactlyInAnyOrder("team-a", "team-b");
        assertThat(CHART.ofKind("Role")).allSatisfy(role -> {
            assertThat(ContractRules.grantsOf(role)).containsExactlyInAnyOrderElementsOf(ContractRules.GRANTS);
            assertThat(role.path("rules")).allSatisfy(rule ->
                    assertThat(rule.path("verbs")).extracting(JsonNode::asText).doesNotContain("*"));
        });
    }

    @Test
    void bindsEachRoleToTheOperatorsServiceAccountInTheReleaseNamespace() {
        assertThat(CHART.ofKind("RoleBinding")).extracting(b -> b.at("/metadata/namespace").asText())
                .containsExactlyInAnyOrder("team-a", "team-b");
        assertThat(CHART.ofKind("RoleBinding")).allSatisfy(binding -> {
            assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("Role");
            assertThat(binding.at("/roleRef/name").asText()).isEqualTo("stampede-operator");
            assertThat(binding.path("subjects")).hasSize(1);
            assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("stampede-operator");
            assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo("stampede-system");
        });
    }

    @Test
    void operatorWatchesOnlyTheListedNamespaces() {
        assertThat(CHART.operatorEnv())
                .containsEntry("QUARKUS_OPERATOR_SDK_CONTROLLERS_LOADTEST_NAMESPACES", "team-a,team-b");
    }

    @Test
    void operatorItselfStaysInTheReleaseNamespace() {
        assertThat(CHART.one("Deployment").at("/metadata/namespace").asText()).isEqualTo("stampede-system");
        assertThat(CHART.one("ServiceAccount").at("/metadata/namespace").asText()).isEqualTo("stampede-system");
    }

    @Test
    void podMonitorLooksForMastersInTheWatchedNamespacesOnly() {
        JsonNode selector = CHART.one("PodMonitor").at("/spec/namespaceSelector");

        assertThat(selector.path("matchNames")).extracting(JsonNode::asText).containsExactly("team-a", "team-b");
        assertThat(selector.has("any")).isFalse();
    }
}
