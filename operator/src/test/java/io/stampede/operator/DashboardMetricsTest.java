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
import io.stampede.operator.testing.Promtool;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.stampede.operator.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the Grafana dashboard (helm/stampede/dashboards/stampede.json) queries is one that is really
 * exported: by this operator at /q/metrics once a LoadTest has a verdict, or by a master (the runner's own
 * {@link MasterMetrics}, fed one real interval); rate() and increase() read only counters (and histogram buckets);
 * and the operator's whole scrape passes {@code promtool check metrics}. (The master's own endpoint is checked with
 * promtool by the runner's MasterMetricsScrapeTest.)
 */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(FakeMasterResource.class)
class DashboardMetricsTest {

    private static final Pattern METRIC = Pattern.compile("\\b(stampede_[a-z0-9_]+)\\s*[{\\[(]");
    private static final Pattern RATED = Pattern.compile("\\b(?:rate|irate|increase)\\(\\s*(stampede_[a-z0-9_]+)");
    private static final Pattern TYPE = Pattern.compile("(?m)^# TYPE (\\S+) (\\S+)$");

    @Inject
    KubernetesClient client;

    @TestHTTPResource("/q/metrics")
    URI operatorMetrics;

    @Test
    void theDashboardQueriesOnlyMetricsThatTheOperatorOrAMasterExports() throws Exception {
        String exported = operatorScrapeWithAVerdict("charted") + masterScrape();

        Set<String> queried = queriedMetrics();
        assertThat(queried).as("metrics the dashboard queries").isNotEmpty()
                .contains("stampede_loadtest_phase", "stampede_loadtest_rps", "stampede_loadtest_failures_total",
                        "stampede_latency_seconds", "stampede_latency_recent_seconds",
                        "stampede_request_duration_seconds_bucket");
        for (String metric : queried) {
            assertThat(exported).as("the dashboard queries %s; nothing exports it", metric)
                    .containsPattern("(?m)^" + metric + "[{ ]");
        }
    }

    @Test
    void theDashboardAppliesRateOnlyToCounters() throws Exception {
        Map<String, String> types = new HashMap<>();
        Matcher typeLine = TYPE.matcher(operatorScrapeWithAVerdict("rated") + masterScrape());
        while (typeLine.find()) types.put(typeLine.group(1), typeLine.group(2));
        Set<String> rated = new TreeSet<>();
        for (String expr : expressions()) {
            Matcher matcher = RATED.matcher(expr);
            while (matcher.find()) rated.add(matcher.group(1));
        }

        assertThat(rated).as("metrics the dashboard applies rate() to").isNotEmpty();
        for (String metric : rated) {
            String family = metric.endsWith("_bucket") ? metric.substring(0, metric.length() - "_bucket".length()) : metric;
            // Quarkus's simpleclient text format names a counter's family without its _total
            String type = types.getOrDefault(family, types.get(family.replaceFirst("_total$", "")));
            assertThat(type).as("# TYPE of %s, which the dashboard rates", family)
                    .isIn(metric.endsWith("_bucket") ? "histogram" : "counter");
        }
    }

    @Test
    void theOperatorsWholeScrapePassesPromtool() throws Exception {
        Promtool.assumeInstalled();
        String scrape = operatorScrapeWithAVerdict("linted");
        String ours = scrape.lines().filter(line -> line.startsWith("stampede_") || line.startsWith("# HELP stampede_")
                || line.startsWith("# TYPE stampede_")).collect(Collectors.joining("\n", "", "\n"));

        Promtool.Verdict verdict = Promtool.checkMetrics(ours);
        Promtool.Verdict whole = Promtool.checkMetrics(scrape);

        assertThat(verdict.clean()).as("promtool check metrics said (exit %d): %s", verdict.exitCode(), verdict.output())
                .isTrue();
        // the whole scrape, JVM, Java Operator SDK and Quarkus families included (metrics/PromtoolCleanMeters)
        assertThat(whole.clean()).as("promtool check metrics on the whole scrape said (exit %d): %s%non:%n%s",
                whole.exitCode(), whole.output(), scrape).isTrue();
        assertThat(ours).contains("# TYPE stampede_loadtest_latency_seconds summary")
                .containsPattern("# TYPE stampede_loadtest_failures(_total)? counter")
                .contains("stampede_loadtest_failures_total{")
                .containsPattern("# TYPE stampede_loadtest_requests(_total)? counter")
                .containsPattern("stampede_loadtest_latency_seconds\\{[^}]*name=\"linted\"[^}]*quantile=\"0.95\",?} [0-9]")
                .doesNotContain("quantile=\"0.95\",} 0.0");
    }

    /**
     * The operator's /q/metrics once a LoadTest called {@code name} has failed its thresholds, in the text format
     * promtool reads (Quarkus answers OpenMetrics unless asked for text/plain; Prometheus asks for either).
     */
    private String operatorScrapeWithAVerdict(String name) throws Exception {
        String ns = "dashboard";
        if (client.resources(LoadTest.class).inNamespace(ns).withName(name).get() == null) {
            client.resource(SampleLoadTests.shop(name)).inNamespace(ns).create();
            FakeMasterResource.master().report(ns, name + "-1-master", FakeMaster.fixture("report-failed.json"));
            FakeMasterResource.master().status(ns, name + "-1-master", FakeMaster.fixture("status-failed.json"));
        }
        await().until(() -> {
            LoadTest loadTest = client.resources(LoadTest.class).inNamespace(ns).withName(name).get();
            return loadTest.getStatus() != null && "Failed".equals(loadTest.getStatus().getPhase());
        });
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(operatorMetrics)
                        .header("Accept", "text/plain; version=0.0.4").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Set<String> queriedMetrics() throws Exception {
        Set<String> names = new TreeSet<>();
        for (String expr : expressions()) {
            Matcher matcher = METRIC.matcher(expr);
            while (matcher.find()) names.add(matcher.group(1));
        }
        return names;
    }

    /** Every PromQL expression of the dashboard: panel targets and template variable queries. */
    private static List<String> expressions() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("../helm/stampede/dashboards/stampede.json")));
        List<String> expressions = new ArrayList<>();
        for (JsonNode expr : dashboard.findValues("expr")) expressions.add(expr.asText());
        for (JsonNode query : dashboard.findValues("query")) {
            expressions.add(query.isTextual() ? query.asText() : query.path("query").asText());
        }
        return expressions;
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
        return metrics.scrape(null, aggregator.liveView(), aggregator.latencyDistributions(MasterMetrics.bucketBoundsSeconds()));
    }
}
