package io.stampede.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * helm/stampede/dashboards/stampede.json queries only series that exist. The names below are the contract's (docs/
 * operator.md, docs/distributed.md); the operator's DashboardMetricsTest checks every queried name, and that rate()
 * only reads counters, against real scrapes of the operator and of a master.
 */
class DashboardTest {

    /** The label the chart's PodMonitor gives master series: the LoadTest's name (pod label app.kubernetes.io/instance). */
    static final String LOADTEST_LABEL_OF_MASTER_SERIES = "app_kubernetes_io_instance";

    static final Set<String> OPERATOR_METRICS = Set.of(
            "stampede_loadtest_phase", "stampede_loadtest_users", "stampede_loadtest_workers_connected",
            "stampede_loadtest_rps", "stampede_loadtest_requests_total", "stampede_loadtest_failures_total",
            "stampede_loadtest_latency_seconds", "stampede_loadtest_threshold_passed");
    static final Set<String> MASTER_METRICS = Set.of(
            "stampede_users", "stampede_rps", "stampede_workers", "stampede_requests_total",
            "stampede_failures_total", "stampede_latency_seconds", "stampede_latency_recent_seconds",
            "stampede_request_duration_seconds_bucket");

    /** In the dashboard's PromQL every selector is written {@code metric{...}}. */
    private static final Pattern SELECTOR = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    private static final Pattern STAMPEDE_NAME = Pattern.compile("\\bstampede_[a-z0-9_]+");

    private static final JsonNode DASHBOARD = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(RepoFiles.dashboard().toFile());
        } catch (IOException e) {
            throw new AssertionError("dashboard is not valid JSON", e);
        }
    }

    @Test
    void queriesOnlyMetricsTheOperatorOrTheMasterExport() {
        Set<String> known = new HashSet<>(OPERATOR_METRICS);
        known.addAll(MASTER_METRICS);

        assertThat(queriedMetrics()).isNotEmpty().isSubsetOf(known);
        for (String query : queries()) {
            Matcher names = STAMPEDE_NAME.matcher(query);
            while (names.find()) {
                boolean isSelector = query.startsWith("{", names.end());
                assertThat(isSelector || names.group().equals("stampede_io_run"))
                        .as("%s in %s: metric names are written as metric{...}", names.group(), query).isTrue();
            }
        }
    }

    @Test
    void showsUsersRpsFailuresAndLatencyPerLoadTestAndPerRequestRow() {
        assertThat(queriedMetrics()).contains(
                "stampede_loadtest_users", "stampede_loadtest_rps", "stampede_loadtest_failures_total",
                "stampede_loadtest_latency_seconds", "stampede_requests_total", "stampede_failures_total",
                "stampede_latency_seconds", "stampede_latency_recent_seconds");
        List<String> latency = queries().stream().filter(q -> q.contains("stampede_loadtest_latency_seconds{")).toList();
        assertThat(latency).anyMatch(q -> q.contains("quantile=\"0.5\""))
                .anyMatch(q -> q.contains("quantile=\"0.95\"")).anyMatch(q -> q.contains("quantile=\"0.99\""));
    }

    @Test
    void showsPhaseAndThresholdVerdicts() {
        JsonNode thresholds = panelQuerying("stampede_loadtest_threshold_passed{");
        String mappings = thresholds.path("fieldConfig").toString();

        assertThat(panelQuerying("stampede_loadtest_phase{").path("type").asText()).isIn("stat", "state-timeline");
        assertThat(thresholds.path("type").asText()).isEqualTo("table");
        assertThat(mappings).contains("\"passed\"").contains("\"breached\"");
    }

    @Test
    void hasATableWithOneRowPerRequestRow() {
        JsonNode table = panelQuerying("stampede_requests_total{", "table");

        assertThat(table.path("targets")).allSatisfy(t ->
                assertThat(t.path("expr").asText()).contains("by (" + LOADTEST_LABEL_OF_MASTER_SERIES)
                        .contains("request)"));
        assertThat(table.path("targets")).extracting(t -> t.path("expr").asText())
                .anyMatch(q -> q.contains("stampede_failures_total{"))
                .anyMatch(q -> q.contains("stampede_latency_seconds{") && q.contains("quantile=\"0.95\""));
    }

    @Test
    void everyQueryFollowsTheNamespaceAndLoadTestVariables() {
        for (String query : panelQueries()) {
            assertThat(query).as(query).contains("namespace=\"$namespace\"");
            if (OPERATOR_METRICS.stream().anyMatch(m -> query.contains(m + "{"))) {
                assertThat(query).as(query).contains("name=~\"$loadtest\"");
            } else {
                assertThat(query).as(query).contains(LOADTEST_LABEL_OF_MASTER_SERIES + "=~\"$loadtest\"");
            }
        }
    }

    @Test
    void hasPrometheusDatasourceNamespaceAndLoadTestVariables() {
        JsonNode variables = DASHBOARD.at("/templating/list");

        assertThat(variables).extracting(v -> v.path("name").asText())
                .containsExactly("datasource", "namespace", "loadtest");
        assertThat(variables.get(0).path("type").asText()).isEqualTo("datasource");
        assertThat(variables.get(0).path("query").asText()).isEqualTo("prometheus");
        for (JsonNode panel : panels()) {
            if (panel.has("targets")) {
                assertThat(panel.at("/datasource/uid").asText()).as(panel.path("title").asText()).isEqualTo("${datasource}");
                assertThat(panel.path("targets")).allSatisfy(t ->
                        assertThat(t.at("/datasource/uid").asText()).isEqualTo("${datasource}"));
            }
        }
    }

    @Test
    void panelsHaveUniqueIdsAndFitTheGrid() {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels()) {
            assertThat(ids.add(panel.path("id").asInt())).as("duplicate id %s", panel.path("id")).isTrue();
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(panel.path("title").asText()).isLessThanOrEqualTo(24);
            assertThat(grid.path("h").asInt()).isPositive();
        }
        assertThat(DASHBOARD.path("uid").asText()).isEqualTo("stampede");
    }

    private static List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        DASHBOARD.path("panels").forEach(panels::add);
        return panels;
    }

    private static List<String> panelQueries() {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(t -> queries.add(t.path("expr").asText()));
        }
        return queries;
    }

    /** Panel queries and the template variables' queries. */
    private static List<String> queries() {
        List<String> queries = new ArrayList<>(panelQueries());
        DASHBOARD.at("/templating/list").forEach(v -> {
            if (v.path("type").asText().equals("query")) queries.add(v.at("/query/query").asText());
        });
        return queries;
    }

    private static Set<String> queriedMetrics() {
        Set<String> metrics = new TreeSet<>();
        for (String query : queries()) {
            Matcher selector = SELECTOR.matcher(query);
            while (selector.find()) metrics.add(selector.group(1));
        }
        return metrics;
    }

    private static JsonNode panelQuerying(String selector) {
        return panelQuerying(selector, null);
    }

    private static JsonNode panelQuerying(String selector, String type) {
        return panels().stream()
                .filter(p -> type == null || p.path("type").asText().equals(type))
                .filter(p -> p.path("targets").toString().contains(selector.replace("\"", "\\\"")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + (type == null ? "" : type + " ")
                        + "panel queries " + selector));
    }
}
