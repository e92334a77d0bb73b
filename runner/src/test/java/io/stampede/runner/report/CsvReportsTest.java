package io.stampede.runner.report;

import io.stampede.runner.stats.HistorySecond;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.Snapshots;
import io.stampede.runner.stats.StatsAggregator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.stampede.runner.stats.Snapshots.ORDERS;
import static io.stampede.runner.stats.Snapshots.PRODUCT;
import static io.stampede.runner.stats.Snapshots.START;
import static io.stampede.runner.stats.Snapshots.interval;
import static org.assertj.core.api.Assertions.assertThat;

class CsvReportsTest {

    @Test
    void headersAreExactlyLocusts() {
        assertThat(CsvReports.STATS_HEADER).isEqualTo("Type,Name,Request Count,Failure Count,Median Response Time,"
                + "Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,"
                + "Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%");
        assertThat(StatsHistoryCsvWriter.HEADER).isEqualTo("Timestamp,User Count,Type,Name,Requests/s,Failures/s,"
                + "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,"
                + "Total Median Response Time,Total Average Response Time,Total Min Response Time,"
                + "Total Max Response Time,Total Average Content Size");
        assertThat(CsvReports.FAILURES_HEADER).isEqualTo("Method,Name,Error,Occurrences");
    }

    @Test
    void statsHaveARowPerRowThenTheAggregate() {
        List<String> lines = lines(CsvReports.statsCsv(Snapshots.sampleRun()));

        assertThat(lines).containsExactly(
                CsvReports.STATS_HEADER,
                "POST,/api/orders,50,0,100,100.00,100.00,100.00,0.00,5.00,0.00,"
                        + "100,100,100,100,100,100,100,100,100,100,100",
                "GET,/api/products/{id},100,2,10,149.00,10.00,1400.00,980.00,10.00,0.20,"
                        + "10,10,10,10,10,1400,1400,1400,1400,1400,1400",
                ",Aggregated,150,2,10,132.67,10.00,1400.00,653.33,15.00,0.20,"
                        + "10,100,100,100,100,1400,1400,1400,1400,1400,1400");
    }

    @Test
    void anEmptyRunShowsNotApplicablePercentiles() {
        RunSummary empty = new StatsAggregator(START).summary("t", START + 1000);

        assertThat(lines(CsvReports.statsCsv(empty))).containsExactly(CsvReports.STATS_HEADER,
                ",Aggregated,0,0,0,0.00,0.00,0.00,0.00,0.00,0.00,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A");
    }

    @Test
    void namesWithCommasAndQuotesAreQuoted() {
        StatsAggregator aggregator = new StatsAggregator(START);
        RowKey search = new RowKey("GET", "/search?q=\"a,b\"");
        aggregator.accept(interval(0).ok(search, 1, 10).fail(search, 1, 10, "check \"ok\", got false").build());

        RunSummary summary = aggregator.summary("t", START + 1000);

        assertThat(lines(CsvReports.statsCsv(summary)).get(1)).startsWith("GET,\"/search?q=\"\"a,b\"\"\",2,1,");
        assertThat(lines(CsvReports.failuresCsv(summary))).containsExactly(CsvReports.FAILURES_HEADER,
                "GET,\"/search?q=\"\"a,b\"\"\",\"check \"\"ok\"\", got false\",1");
        assertThat(CsvLine.quoted("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvLine.quoted("plain /x")).isEqualTo("plain /x");
    }

    @Test
    void failuresAreListedByRowAndCauseMostFrequentFirst() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0).fail(PRODUCT, 2, 10, "HTTP 503").fail(ORDERS, 5, 10, "HTTP 409").build());

        assertThat(lines(CsvReports.failuresCsv(aggregator.summary("t", START + 1000)))).containsExactly(
                CsvReports.FAILURES_HEADER, "POST,/api/orders,HTTP 409,5", "GET,/api/products/{id},HTTP 503,2");
    }

    @Test
    void historyHasTheAggregatedLinePerSecondByDefault() {
        List<HistorySecond> history = threeSeconds();

        List<String> lines = history.stream()
                .flatMap(second -> lines(StatsHistoryCsvWriter.lines(second, false)).stream()).toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("1700000001,3,,Aggregated,5.000000,1.000000,"
                + "10,10,10,10,30,30,30,30,30,30,30,5,1,10,14.00,10.00,30.00,80.00");
        assertThat(lines.get(2)).startsWith("1700000003,4,,Aggregated,");
    }

    @Test
    void fullHistoryAddsALinePerRowBeforeTheAggregate() {
        List<String> lines = threeSeconds().stream()
                .flatMap(second -> lines(StatsHistoryCsvWriter.lines(second, true)).stream()).toList();

        assertThat(lines).hasSize(9);
        assertThat(lines.subList(0, 3)).extracting(line -> line.split(",")[2] + " " + line.split(",")[3])
                .containsExactly("POST /api/orders", "GET /api/products/{id}", " Aggregated");
        assertThat(lines.get(0)).isEqualTo("1700000001,3,POST,/api/orders,1.000000,1.000000,"
                + "30,30,30,30,30,30,30,30,30,30,30,1,1,30,30.00,30.00,30.00,0.00");
    }

    @Test
    void writesAllThreeFilesUnderThePrefix(@TempDir Path dir) throws IOException {
        String prefix = dir.resolve("reports/shop").toString();

        CsvReports.writeAll(prefix, Snapshots.sampleRun(), threeSeconds(), false);

        assertThat(Files.readAllLines(dir.resolve("reports/shop_stats.csv"))).hasSize(4)
                .first().isEqualTo(CsvReports.STATS_HEADER);
        assertThat(Files.readAllLines(dir.resolve("reports/shop_stats_history.csv"))).hasSize(4)
                .first().isEqualTo(StatsHistoryCsvWriter.HEADER);
        assertThat(Files.readAllLines(dir.resolve("reports/shop_failures.csv"))).hasSize(2)
                .first().isEqualTo(CsvReports.FAILURES_HEADER);
        assertThat(Files.readString(dir.resolve("reports/shop_stats.csv"))).contains("\r\n");
    }

    /** Second 0: 4 x 10 ms GET (100 bytes each) + 1 failed 30 ms POST; then two idle seconds. */
    private static List<HistorySecond> threeSeconds() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0).ok(PRODUCT, 4, 10, 100).fail(ORDERS, 1, 30, "x").build());
        aggregator.completeInterval(0, 3, START + 1000);
        aggregator.completeInterval(1, 4, START + 2000);
        aggregator.completeInterval(2, 4, START + 3000);
        return aggregator.history();
    }

    private static List<String> lines(String csv) {
        assertThat(csv).endsWith("\r\n");
        return List.of(csv.split("\r\n"));
    }
}
