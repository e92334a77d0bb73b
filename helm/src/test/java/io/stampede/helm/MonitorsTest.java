package io.stampede.helm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** serviceMonitor.enabled and podMonitor.enabled: Prometheus Operator objects for the operator and the masters. */
class MonitorsTest {

    private static final RenderedChart CHART = ChartRendering.render("""
            serviceMonitor: {enabled: true, labels: {release: kube-prometheus-stack}}
            podMonitor: {enabled: true, interval: 5s, labels: {release: kube-prometheus-stack}}
            """);

    @Test
    void monitorsAreOffByDefault() {
        assertThat(ChartRendering.renderDefaults().kinds()).doesNotContain("ServiceMonitor", "PodMonitor");
    }

    @Test
    void serviceMonitorScrapesTheOperatorsMetricsService() {
        JsonNode monitor = CHART.one("ServiceMonitor");
        JsonNode service = CHART.one("Service");

        monitor.at("/spec/selector/matchLabels").fields().forEachRemaining(label ->
                assertThat(service.at("/metadata/labels").path(label.getKey()).asText())
                        .isEqualTo(label.getValue().asText()));
        assertThat(monitor.at("/spec/namespaceSelector/matchNames")).extracting(JsonNode::asText)
                .containsExactly("stampede-system");
        assertThat(monitor.at("/spec/endpoints")).hasSize(1);
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo(service.at("/spec/ports/0/name").asText());
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
    }

    @Test
    void serviceMonitorHonorsTheLoadTestsNamespaceAndNameLabels() {
        // kube-prometheus-stack would otherwise rename the operator's namespace label to exported_namespace,
        // and every dashboard panel filters on namespace="$namespace"
        assertThat(CHART.one("ServiceMonitor").at("/spec/endpoints/0/honorLabels").isBoolean()).isTrue();
        assertThat(CHART.one("ServiceMonitor").at("/spec/endpoints/0/honorLabels").asBoolean()).isTrue();
        assertThat(CHART.one("PodMonitor").at("/spec/podMetricsEndpoints/0/honorLabels").asBoolean()).isTrue();
    }

    @Test
    void podMonitorSelectsMasterPodsByTheOperatorsLabels() {
        JsonNode monitor = CHART.one("PodMonitor");

        assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asText()).isEqualTo("master");
        assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("stampede");
        assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1managed-by").asText())
                .isEqualTo("stampede-operator");
        assertThat(monitor.at("/spec/namespaceSelector/any").asBoolean()).isTrue();
        assertThat(monitor.at("/spec/podMetricsEndpoints")).hasSize(1);
        assertThat(monitor.at("/spec/podMetricsEndpoints/0/port").asText()).isEqualTo("http");
        assertThat(monitor.at("/spec/podMetricsEndpoints/0/path").asText()).isEqualTo("/metrics");
        assertThat(monitor.at("/spec/podMetricsEndpoints/0/interval").asText()).isEqualTo("5s");
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
    }

    @Test
    void podMonitorLabelsMasterSeriesWithTheLoadTestAndRun() {
        JsonNode relabelings = CHART.one("PodMonitor").at("/spec/podMetricsEndpoints/0/relabelings");

        assertThat(relabelings).anySatisfy(r -> {
            assertThat(r.at("/sourceLabels/0").asText()).isEqualTo("__meta_kubernetes_pod_label_app_kubernetes_io_instance");
            assertThat(r.path("targetLabel").asText()).isEqualTo(DashboardTest.LOADTEST_LABEL_OF_MASTER_SERIES);
        });
        assertThat(relabelings).anySatisfy(r -> {
            assertThat(r.at("/sourceLabels/0").asText()).isEqualTo("__meta_kubernetes_pod_label_stampede_io_run");
            assertThat(r.path("targetLabel").asText()).isEqualTo("stampede_io_run");
        });
    }
}
