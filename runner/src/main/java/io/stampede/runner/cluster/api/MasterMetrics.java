package io.stampede.runner.cluster.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.stampede.runner.cluster.master.MasterStatus;
import io.stampede.runner.doc.CapacityDocument;
import io.stampede.runner.stats.IntervalStats;
import io.stampede.runner.stats.LatencyDistribution;
import io.stampede.runner.stats.LiveView;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;
import io.stampede.runner.stats.StatsAggregator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /metrics}: the run in Prometheus's text format, through Micrometer, in Prometheus's conventions
 * (base units, {@code _total} counters, latency as a histogram and summaries; checked by {@code promtool check
 * metrics} in the tests).
 * <ul>
 *   <li>{@code stampede_requests_total{request}}, {@code stampede_failures_total{request,cause}} and
 *       {@code stampede_response_bytes_total{request}}: counters, advanced as merged intervals (and late snapshots)
 *       arrive;</li>
 *   <li>latency: see {@link LatencyCollector} ({@code stampede_request_duration_seconds},
 *       {@code stampede_latency_seconds}, {@code stampede_latency_recent_seconds});</li>
 *   <li>{@code stampede_rps} over the last 10 s, {@code stampede_users}, and {@code stampede_workers{state}} for
 *       expected, connected and lost;</li>
 *   <li>a stress run, once over: {@code stampede_capacity_users{result}} and {@code stampede_capacity_rps{result}}
 *       for the highest step that held ({@code result="held"}) and the first that broke ({@code "broke"}), each
 *       present only when there is such a step.</li>
 * </ul>
 * Threading: {@link #countInterval} runs on the master's thread, {@link #scrape} on the HTTP server's; Micrometer's
 * registry is thread safe and the gauges read an atomically replaced picture.
 */
public final class MasterMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<Picture> picture = new AtomicReference<>(new Picture(null, null, List.of()));

    private record Picture(MasterStatus status, LiveView live, List<LatencyDistribution> latencies) {
    }

    public MasterMetrics() {
        registry.getPrometheusRegistry().register(new LatencyCollector(() -> picture.get().latencies()));
        Gauge.builder("stampede.users", picture, p -> p.get().status() == null ? 0 : p.get().status().users())
                .description("users running now").register(registry);
        Gauge.builder("stampede.rps", picture, p -> p.get().live() == null ? 0 : p.get().live().aggregate().currentRps())
                .description("requests per second over the last 10 s").register(registry);
        for (String state : List.of("expected", "connected", "lost")) {
            Gauge.builder("stampede.workers", picture, p -> workers(p.get().status(), state)).tag("state", state)
                    .description("workers of the run").register(registry);
        }
    }

    private static double workers(MasterStatus status, String state) {
        if (status == null) return 0;
        return switch (state) {
            case "expected" -> status.expectedWorkers();
            case "connected" -> status.connectedWorkers();
            default -> status.lostWorkers().size();
        };
    }

    /** A stress run's capacity, once its reports are written: the held and broke gauges. Call at most once. */
    public void capacity(CapacityDocument capacity) {
        if (capacity == null) return;
        if (capacity.held() != null) capacityGauges("held", capacity.held().users(), capacity.held().rps());
        if (capacity.broke() != null) capacityGauges("broke", capacity.broke().users(), capacity.broke().rps());
    }

    private void capacityGauges(String result, int users, double rps) {
        Gauge.builder("stampede.capacity.users", () -> users).tag("result", result)
                .description("users of the highest step that held, and of the first that broke").register(registry);
        Gauge.builder("stampede.capacity.rps", () -> rps).tag("result", result)
                .description("requests per second of those steps, over their judged seconds").register(registry);
    }

    /** Advances the counters by one merged interval or late snapshot. */
    public void countInterval(IntervalStats merged) {
        for (Map.Entry<RowKey, RowStats> row : merged.rows().entrySet()) {
            String request = row.getKey().label();
            Counter.builder("stampede.requests").tag("request", request).description("requests sent")
                    .register(registry).increment(row.getValue().requests());
            Counter.builder("stampede.response").baseUnit("bytes").tag("request", request)
                    .description("bytes of response content received").register(registry)
                    .increment(row.getValue().contentBytes());
            row.getValue().failuresByCause().forEach((cause, n) -> Counter.builder("stampede.failures")
                    .tag("request", request).tag("cause", cause).description("failed requests by cause")
                    .register(registry).increment(n));
        }
    }

    /**
     * The text Prometheus scrapes, as of {@code status}, {@code live} and {@code latencies} (null, null and empty
     * before the start).
     */
    public String scrape(MasterStatus status, LiveView live, List<LatencyDistribution> latencies) {
        picture.set(new Picture(status, live, latencies));
        return registry.scrape();
    }

    /** The histogram bounds {@code latencies} must be taken with (see {@link StatsAggregator#latencyDistributions}). */
    public static double[] bucketBoundsSeconds() {
        return LatencyCollector.BUCKET_BOUNDS_SECONDS.clone();
    }
}
