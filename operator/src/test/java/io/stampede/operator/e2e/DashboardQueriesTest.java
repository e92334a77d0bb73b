package io.stampede.operator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.build.RunNames;
import io.stampede.operator.testing.FakeMasterResource;
import io.stampede.operator.testing.SampleLoadTests;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every PromQL expression of the Grafana dashboard (helm/stampede/dashboards/stampede.json) returns data from a real
 * Prometheus that scrapes this operator's /q/metrics and a running master's /metrics the way the chart's
 * ServiceMonitor and PodMonitor do (honorLabels; the master pod's namespace, LoadTest name and run as labels). The
 * LoadTest runs on real processes ({@link Kubelet}); the expressions are evaluated while it runs and, for those that
 * only have data once there is a verdict (threshold results), after it ends. The dashboard's variables take the
 * values Grafana would give them ($__rate_interval 10 s at a 1 s scrape). About 45 s.
 */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(FakeMasterResource.class)
class DashboardQueriesTest {

    private static final String NS = "dashboard-queries";
    private static final String NAME = "charted";
    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.*),\\s*\\w+\\)$");

    @Inject
    KubernetesClient client;

    @TestHTTPResource("/q/metrics")
    URI operatorMetrics;

    private Kubelet kubelet;

    @AfterEach
    void stopEverything() {
        if (kubelet != null) kubelet.close();
        FakeMasterResource.master().stopForwarding(NS);
    }

    @Test
    void everyDashboardQueryReturnsDataFromARealScrapeOfTheOperatorAndARunningMaster() throws Exception {
        PrometheusServer.assumeInstalled();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), "dashboard-");
        try (CountingTarget target = new CountingTarget(5)) {
            startRun(dir, target.url());
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    assertThat(status().getProgress().getRequests()).as(kubelet.logs()).isPositive());
            String master = kubelet.serviceIp(RunNames.of(NAME, 1).masterService());
            assertThat(master).as("the master's address").isNotNull();

            try (PrometheusServer prometheus = PrometheusServer.start(dir, scrapeConfigs(master))) {
                List<String> expressions = expressions();
                Map<String, String> when = new LinkedHashMap<>();
                // While the run goes on, every expression without data yet is asked again each second: a rate()
                // over 10 s has data once two scrapes fall inside it, which a loaded machine may delay.
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    boolean ended = status().getCompletionTime() != null;
                    collectData(prometheus, expressions, when, "running");
                    return ended || when.size() == expressions.size();
                });
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(status().getCompletionTime()).as(kubelet.logs()).isNotNull());
                assertThat(status().getPhase()).isEqualTo("Succeeded");
                // The verdict's series (threshold results) have data once a scrape after the verdict is in.
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    collectData(prometheus, expressions, when, "after the verdict");
                    assertThat(expressions.stream().filter(expr -> !when.containsKey(expr)).toList())
                            .as("dashboard expressions that returned no data, while running nor after the verdict")
                            .isEmpty();
                });
                when.forEach((expr, moment) -> System.out.println("dashboard query with data (" + moment + "): " + expr));
                assertThat(when).hasSize(expressions.size()).hasSizeGreaterThan(20);
            }
        }
    }

    private void startRun(Path dir, String targetUrl) throws Exception {
        Path runnerJar = Path.of(System.getProperty("e2e.runner.jar", "../runner/target/stampede.jar"))
                .toAbsolutePath().normalize();
        assertThat(runnerJar).as("the runner jar (built by the runner module before the operator's tests)").exists();
        kubelet = new Kubelet(client, NS, runnerJar, dir.toAbsolutePath());
        FakeMasterResource.master().forwardTo(NS, service -> kubelet.serviceIp(service));
        client.resource(SampleLoadTests.parse("""
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                metadata: {name: NAME}
                spec:
                  target: TARGET
                  load: {users: 4, spawnRate: 4, duration: 25s}
                  workers: 1
                  userClasses:
                    - name: reader
                      wait: {constant: 50ms}
                      tasks:
                        - {name: home, request: {method: GET, path: /}}
                        - {name: refused, request: {method: GET, path: /created}, expect: {status: [201]}}
                  thresholds:
                    - expr: p95 < 2s
                """.replace("NAME", NAME).replace("TARGET", targetUrl))).inNamespace(NS).create();
    }

    /** Notes {@code moment} for each expression that has no data in {@code when} yet and returns data now. */
    private static void collectData(PrometheusServer prometheus, List<String> expressions, Map<String, String> when,
                                    String moment) throws Exception {
        for (String expr : expressions) {
            if (!when.containsKey(expr) && !prometheus.query(promql(expr)).isEmpty()) when.put(expr, moment);
        }
    }

    /** The ServiceMonitor's scrape of the operator and the PodMonitor's of the master (helm/stampede/templates). */
    private String scrapeConfigs(String masterIp) {
        return """
                  - job_name: operator
                    honor_labels: true
                    metrics_path: /q/metrics
                    static_configs: [{targets: ['%s:%d']}]
                  - job_name: masters
                    honor_labels: true
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['%s:5557']
                        labels: {namespace: %s, app_kubernetes_io_instance: %s, stampede_io_run: '1'}
                """.formatted(operatorMetrics.getHost(), operatorMetrics.getPort(), masterIp, NS, NAME);
    }

    /** A dashboard expression with Grafana's variables replaced; label_values(q, l) evaluated as q. */
    private static String promql(String expr) {
        String query = expr.replace("$namespace", NS).replace("$loadtest", NAME)
                .replace("$__rate_interval", "10s").replace("$__range", "5m");
        Matcher labelValues = LABEL_VALUES.matcher(query);
        return labelValues.matches() ? labelValues.group(1) : query;
    }

    /** Every PromQL expression of the dashboard: panel targets and template variable queries. */
    private static List<String> expressions() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("../helm/stampede/dashboards/stampede.json").toFile());
        List<String> expressions = new ArrayList<>();
        // targets only: "expr" is also a column name in a table's transformation options
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                if (target.path("expr").isTextual()) expressions.add(target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            if ("query".equals(variable.path("type").asText())) {
                expressions.add(query.isTextual() ? query.asText() : query.path("query").asText());
            }
        }
        return expressions.stream().distinct().toList();
    }

    private LoadTestStatus status() {
        LoadTest loadTest = client.resources(LoadTest.class).inNamespace(NS).withName(NAME).get();
        assertThat(loadTest.getStatus()).as("status of " + NAME).isNotNull();
        return loadTest.getStatus();
    }
}
