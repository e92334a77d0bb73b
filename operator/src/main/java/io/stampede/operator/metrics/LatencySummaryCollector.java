package io.stampede.operator.metrics;

import io.prometheus.client.Collector;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.ProgressStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code stampede_loadtest_latency_seconds{namespace,name,quantile}}: a summary of each LoadTest's p50, p95 and p99
 * over its run so far, as its status says (the master's merged histograms; the operator holds no histogram of its
 * own, so there is no {@code _sum}); {@code _count} is the run's requests. Quantiles are NaN before the first
 * request. For percentiles over the last 10 s, scrape the master (the chart's PodMonitor).
 *
 * <p>Quarkus's registry is Prometheus's simpleclient one, so this is a simpleclient {@link Collector}.
 * Threading: {@link #collect} runs on the scraping thread; it reads the atomically replaced statuses.
 */
final class LatencySummaryCollector extends Collector {

    static final String NAME = "stampede_loadtest_latency_seconds";

    private static final double[] QUANTILES = {0.5, 0.95, 0.99};

    /** Key "namespace/name" to the LoadTest's latest status; owned by {@link LoadTestMetrics}. */
    private final Map<String, AtomicReference<LoadTestStatus>> statuses;

    LatencySummaryCollector(Map<String, AtomicReference<LoadTestStatus>> statuses) {
        this.statuses = statuses;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples.Sample> samples = new ArrayList<>();
        statuses.forEach((key, holder) -> {
            int slash = key.indexOf('/');
            String namespace = key.substring(0, slash);
            String name = key.substring(slash + 1);
            ProgressStatus progress = holder.get().getProgress();
            for (double quantile : QUANTILES) {
                samples.add(new MetricFamilySamples.Sample(NAME, List.of("name", "namespace", "quantile"),
                        List.of(name, namespace, Collector.doubleToGoString(quantile)), seconds(progress, quantile)));
            }
            if (progress != null && progress.getRequests() != null) {
                samples.add(new MetricFamilySamples.Sample(NAME + "_count", List.of("name", "namespace"),
                        List.of(name, namespace), progress.getRequests()));
            }
        });
        return List.of(new MetricFamilySamples(NAME, Type.SUMMARY, "latency percentiles of the LoadTest's run so far",
                samples));
    }

    private static double seconds(ProgressStatus progress, double quantile) {
        if (progress == null) return Double.NaN;
        Double ms = quantile == 0.5 ? progress.getP50Ms() : quantile == 0.95 ? progress.getP95Ms() : progress.getP99Ms();
        return ms == null ? Double.NaN : ms / 1000.0;
    }
}
