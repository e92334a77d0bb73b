package io.stampede.runner.cluster.api;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.stampede.runner.stats.LatencyDistribution;
import io.stampede.runner.stats.RowSummary;

import java.util.List;
import java.util.function.Supplier;

/**
 * The master's latency metrics, built from the merged HdrHistograms (never from averaged percentiles):
 * <ul>
 *   <li>{@code stampede_request_duration_seconds{request}}: a histogram with classic buckets from 1 ms to 60 s, one
 *       series per row (no {@code Aggregated} row: {@code sum by (le)} is the aggregate), for
 *       {@code histogram_quantile} over any window;</li>
 *   <li>{@code stampede_latency_seconds{request,quantile}}: a summary of p50, p95, p99 over the run so far,
 *       {@code request="Aggregated"} for all rows (the figures of the run's report);</li>
 *   <li>{@code stampede_latency_recent_seconds{request,quantile}}: the same percentiles over the last 10 s, so a
 *       slowdown in the middle of a run shows; NaN when the row had no request then. Its {@code _count} and
 *       {@code _sum} are the run's, as for any Prometheus summary with a sliding window.</li>
 * </ul>
 * Threading: {@link #collect} runs on the scraping thread and reads what the supplier returns, an immutable picture.
 */
final class LatencyCollector implements MultiCollector {

    /** Histogram bucket bounds in seconds, chosen for HTTP latency: 1 ms to 1 min. */
    static final double[] BUCKET_BOUNDS_SECONDS =
            {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private final Supplier<List<LatencyDistribution>> distributions;

    /** @param distributions the latest picture (empty before the run starts); called once per scrape */
    LatencyCollector(Supplier<List<LatencyDistribution>> distributions) {
        this.distributions = distributions;
    }

    @Override
    public MetricSnapshots collect() {
        List<LatencyDistribution> rows = distributions.get();
        if (rows.isEmpty()) return MetricSnapshots.of();
        HistogramSnapshot.Builder histogram = HistogramSnapshot.builder()
                .name("stampede_request_duration_seconds").unit(Unit.SECONDS)
                .help("request latency per row, from the first request of the run");
        SummarySnapshot.Builder run = SummarySnapshot.builder().name("stampede_latency_seconds").unit(Unit.SECONDS)
                .help("latency percentiles over the run so far (request=\"Aggregated\" for all rows)");
        SummarySnapshot.Builder recent = SummarySnapshot.builder().name("stampede_latency_recent_seconds")
                .unit(Unit.SECONDS)
                .help("latency percentiles over the last 10 s (request=\"Aggregated\" for all rows)");
        for (LatencyDistribution row : rows) {
            Labels labels = Labels.of("request", row.name());
            if (!row.name().equals(RowSummary.AGGREGATED)) {
                histogram.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder().labels(labels)
                        .classicHistogramBuckets(buckets(row)).sum(row.sumSeconds()).build());
            }
            run.dataPoint(summary(row, labels, row.runQuantiles()));
            recent.dataPoint(summary(row, labels, row.recentQuantiles()));
        }
        return MetricSnapshots.of(histogram.build(), run.build(), recent.build());
    }

    private static ClassicHistogramBuckets buckets(LatencyDistribution row) {
        ClassicHistogramBuckets.Builder buckets = ClassicHistogramBuckets.builder();
        long below = 0;
        for (int i = 0; i < row.bucketBoundsSeconds().length; i++) {
            buckets.bucket(row.bucketBoundsSeconds()[i], row.bucketCounts()[i] - below); // the model wants per-bucket counts
            below = row.bucketCounts()[i];
        }
        buckets.bucket(Double.POSITIVE_INFINITY, row.count() - below);
        return buckets.build();
    }

    private static SummarySnapshot.SummaryDataPointSnapshot summary(LatencyDistribution row, Labels labels,
                                                                   double[] values) {
        Quantiles.Builder quantiles = Quantiles.builder();
        for (int i = 0; i < LatencyDistribution.QUANTILES.length; i++) {
            quantiles.quantile(LatencyDistribution.QUANTILES[i], values[i]);
        }
        return SummarySnapshot.SummaryDataPointSnapshot.builder().labels(labels).quantiles(quantiles.build())
                .count(row.count()).sum(row.sumSeconds()).build();
    }
}
