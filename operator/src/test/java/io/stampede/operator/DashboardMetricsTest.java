package io.stampede.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.testing.FakeMaster;
import io.stampede.operator.testing.FakeMasterResource;
import io.stampede.operator.testing.SampleLoadTests;
import io.stampede.runner.cluster.api.MasterMetrics;
import io.stampede.runner.stats.IntervalStats;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;
import io.stampede.runner.stats.StatsAggregator;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the Grafana dashboard (helm/stampede/dashboards/stampede.json) queries is one that is really
 * exported: by this operator at /q/metrics once a LoadTest has a verdict, or by a master (the runner's own
 * {@link MasterMetrics}, fed one real interval).
 */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(FakeMasterResource.class)
class DashboardMetricsTest {

    private static final Pattern METRIC = Pattern.compile("\\b(stampede_[a-z0-9_]+)\\s*[{\\[(]");

    @Inject
    KubernetesClient client;

    @TestHTTPResource("/q/metrics")
    URI operatorMetrics;

    @Test
    void theDashboardQueriesOnlyMetricsThatTheOperatorOrAMasterExports() throws Exception {
        String ns = "dashboard";
        client.resource(SampleLoadTests.shop("charted")).inNamespace(ns).create();
        FakeMasterResource.master().report(ns, "charted-1-master", FakeMaster.fixture("report-failed.json"));
        FakeMasterResource.master().status(ns, "charted-1-master", FakeMaster.fixture("status-failed.json"));
        await().until(() -> {
            LoadTest loadTest = client.resources(LoadTest.class).inNamespace(ns).withName("charted").get();
            return loadTest.getStatus() != null && "Failed".equals(loadTest.getStatus().getPhase());
        });
        String exported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(operatorMetrics).build(),
                HttpResponse.BodyHandlers.ofString()).body() + masterScrape();

        Set<String> queried = queriedMetrics();
        assertThat(queried).as("metrics the dashboard queries").isNotEmpty()
                .contains("stampede_loadtest_phase", "stampede_loadtest_rps", "stampede_latency_milliseconds");
        for (String metric : queried) {
            assertThat(exported).as("the dashboard queries %s; nothing exports it", metric)
                    .containsPattern("(?m)^" + metric + "[{ ]");
        }
    }

    private static Set<String> queriedMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("../helm/stampede/dashboards/stampede.json")));
        Set<String> names = new TreeSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            Matcher matcher = METRIC.matcher(expr.asText());
            while (matcher.find()) names.add(matcher.group(1));
        }
        for (JsonNode query : dashboard.findValues("query")) {
            Matcher matcher = METRIC.matcher(query.isTextual() ? query.asText() : query.path("query").asText());
            while (matcher.find()) names.add(matcher.group(1));
        }
        return names;
    }

    /** What a master serves at /metrics after one second of one row with a success and a failure. */
    private static String masterScrape() {
        RowStats row = new RowStats();
        row.recordSuccess(5_000, 100);
        row.recordFailure(7_000, 0, "HTTP 500");
        IntervalStats interval = new IntervalStats(1, Map.of(new RowKey("GET", "/api/users"), row));
        StatsAggregator aggregator = new StatsAggregator(System.currentTimeMillis());
        aggregator.accept(interval);
        MasterMetrics metrics = new MasterMetrics();
        metrics.countInterval(interval);
        return metrics.scrape(null, aggregator.liveView());
    }
}
