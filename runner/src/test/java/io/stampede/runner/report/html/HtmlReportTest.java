package io.stampede.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.report.HistorySection;
import io.stampede.runner.report.JsonSummaryWriter;
import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.Snapshots;
import io.stampede.runner.stats.StatsAggregator;
import io.stampede.runner.stats.Threshold;
import io.stampede.runner.stats.Threshold.Comparison;
import io.stampede.runner.stats.ThresholdEvaluator;
import io.stampede.runner.stats.LongRuns;
import io.stampede.runner.testing.ChromiumPage;
import io.stampede.runner.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.stampede.runner.stats.Snapshots.ORDERS;
import static io.stampede.runner.stats.Snapshots.PRODUCT;
import static io.stampede.runner.stats.Snapshots.START;
import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    /** A 30 s run: 10 users, one slow spell (seconds 10-14), a few failures; one row named with markup. */
    private static String sampleDocument() {
        StatsAggregator aggregator = new StatsAggregator(START);
        for (int second = 0; second < 30; second++) {
            double ms = second >= 10 && second < 15 ? 900 : 20;
            aggregator.accept(Snapshots.interval(second).ok(PRODUCT, 40, ms, 500).ok(ORDERS, 5, 80)
                    .fail(ORDERS, second % 10 == 0 ? 1 : 0, 80, "HTTP 503").build());
            aggregator.completeInterval(second, Math.min(10, second + 1), START + (second + 1) * 1000L);
        }
        RunSummary summary = aggregator.summary("shop-api <staging>", START + 30_000);
        var thresholds = ThresholdEvaluator.evaluate(List.of(
                new Threshold("p95 < 500ms", null, "p95", Comparison.LT, 500)), summary);
        return JsonSummaryWriter.toJsonString(summary, thresholds,
                Map.of("history", HistorySection.of(aggregator.history(), START)));
    }

    @Test
    void embedsTheRunDocumentAndLoadsNothingFromElsewhere() throws Exception {
        String json = sampleDocument();
        String html = HtmlReport.render(json, "shop-api <staging>", null);

        Matcher data = Pattern.compile("<script id=\"stampede-data\" type=\"application/json\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(data.group(1))).isEqualTo(mapper.readTree(json));
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//")
                .doesNotContainPattern("(?i)url\\(\\s*[\"']?(https?:)?//")
                .doesNotContain("@import")
                .contains("<title>shop-api &lt;staging&gt; - Stampede</title>")
                .contains("uPlot");
    }

    @Test
    void aRowNameCannotEndTheDataScript() throws Exception {
        String json = "{\"name\":\"x\",\"summary\":{\"requests\":[{\"name\":\"GET /</script><script>alert(1)\"}]}}";
        String html = HtmlReport.render(json, "x", null);

        assertThat(html).doesNotContain("</script><script>alert(1)");
        Matcher data = Pattern.compile("<script id=\"stampede-data\" type=\"application/json\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        JsonNode parsed = new ObjectMapper().readTree(data.group(1));
        assertThat(parsed.at("/summary/requests/0/name").asText()).isEqualTo("GET /</script><script>alert(1)");
    }

    @Test
    void chromiumDrawsTheChartsAndTheTablesFromTheDocument(@TempDir Path dir) throws Exception {
        HeadlessChromium.assumeInstalled();
        String json = sampleDocument();
        Path page = dir.resolve("report.html");
        Files.writeString(page, HtmlReport.render(json, "shop-api <staging>", null));

        String dom = HeadlessChromium.dumpDom(page.toUri().toString(), 4000);

        assertThat(Pattern.compile("<canvas").matcher(dom).results().count()).isEqualTo(3);
        JsonNode summary = new ObjectMapper().readTree(json).get("summary");
        String total = String.format(java.util.Locale.US, "%,d", summary.at("/total/requests").asLong());
        assertThat(dom).contains("<h1 id=\"title\">shop-api &lt;staging&gt;</h1>")
                .contains("FAILED")
                .contains(total + " requests")
                .contains(">GET /api/products/{id}</td>").contains(">POST /api/orders</td>")
                .contains(">Aggregated</td><td>" + total + "</td>")
                .contains("p95 &lt; 500ms").contains("breached")
                .contains(">HTTP 503</td>");
    }

    @Test
    void anHourOfTwentyRowsIsDrawnAndTheRowSwitchRedrawsIt(@TempDir Path dir) throws Exception {
        HeadlessChromium.assumeInstalled();
        StatsAggregator hour = LongRuns.anHourOfTwentyRows();
        RunSummary summary = hour.summary("an hour", START + 3_600_000);
        String json = JsonSummaryWriter.toJsonString(summary, List.of(),
                Map.of("history", HistorySection.of(hour.history(), START)));
        Path file = dir.resolve("hour.html");
        Files.writeString(file, HtmlReport.render(json, "an hour", null));

        try (ChromiumPage page = ChromiumPage.open(file.toUri().toString())) {
            page.await("document.querySelectorAll('canvas').length", n -> n.asInt() == 3, Duration.ofSeconds(30));
            // the page draws from an inline script: the load event ends after the tables and charts are built
            double loadedMs = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd").asDouble();
            assertThat(page.evaluate("document.querySelectorAll('#rows tbody tr').length").asInt())
                    .isEqualTo(LongRuns.ROWS + 1);
            assertThat(page.evaluate("document.getElementById('row-select').options.length").asInt())
                    .isEqualTo(LongRuns.ROWS + 1);

            // switching the charts to one row rebuilds all three from that row's 3,600 seconds, synchronously
            JsonNode switched = page.evaluate("""
                    (function () {
                      var canvases = Array.prototype.slice.call(document.querySelectorAll('canvas'));
                      var select = document.getElementById('row-select');
                      select.value = 'GET /api/7';
                      var t = performance.now();
                      select.dispatchEvent(new Event('change'));
                      var ms = performance.now() - t;
                      var now = Array.prototype.slice.call(document.querySelectorAll('canvas'));
                      return {ms: ms, count: now.length, fresh: now.every(function (c) { return canvases.indexOf(c) < 0; })};
                    })()""");
            assertThat(switched.get("count").asInt()).isEqualTo(3);
            assertThat(switched.get("fresh").asBoolean()).as("every chart was redrawn").isTrue();
            System.out.printf("1 h x %d rows: document %.1f MB, tables and charts built %.0f ms after navigation start, row switch %.0f ms%n",
                    LongRuns.ROWS, json.length() / 1e6, loadedMs, switched.get("ms").asDouble());
        }
    }
}
