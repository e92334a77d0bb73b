package io.stampede.runner.cluster.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.stampede.runner.cluster.master.MasterStatus;
import io.stampede.runner.doc.CapacityDocument;
import io.stampede.runner.stats.IntervalStats;
import io.stampede.runner.stats.LiveRow;
import io.stampede.runner.stats.LiveView;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /metrics}: the run in Prometheus's text format, through Micrometer.
 * <ul>
 *   <li>{@code stampede_requests_total{request}} and {@code stampede_failures_total{request,cause}}: counters,
 *       advanced as merged intervals (and late snapshots) arrive;</li>
 *   <li>{@code stampede_latency_milliseconds{request,quantile}}: p50, p95, p99 over the run so far, from the merged
 *       histograms ({@code request="Aggregated"} for all rows);</li>
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

    private static final double[] QUANTILES = {0.5, 0.95, 0.99};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<Picture> picture = new AtomicReference<>(new Picture(null, null));
    private final Map<String, Boolean> latencyGauges = new ConcurrentHashMap<>();

    private record Picture(MasterStatus status, LiveView live) {
    }

    public MasterMetrics() {
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
            row.getValue().failuresByCause().forEach((cause, n) -> Counter.builder("stampede.failures")
                    .tag("request", request).tag("cause", cause).description("failed requests by cause")
                    .register(registry).increment(n));
        }
    }

    /** The text Prometheus scrapes, its gauges as of {@code status} and {@code live} (null before the start). */
    public String scrape(MasterStatus status, LiveView live) {
        picture.set(new Picture(status, live));
        if (live != null) {
            live.rows().forEach(this::registerLatency);
            registerLatency(live.aggregate());
        }
        return registry.scrape();
    }

    private void registerLatency(LiveRow row) {
        String request = row.name();
        if (latencyGauges.putIfAbsent(request, Boolean.TRUE) != null) return;
        for (double quantile : QUANTILES) {
            Gauge.builder("stampede.latency", picture, p -> latencyMs(p.get().live(), request, quantile))
                    .tag("request", request).tag("quantile", Double.toString(quantile)).baseUnit("milliseconds")
                    .description("latency percentiles over the run so far").register(registry);
        }
    }

    private static double latencyMs(LiveView live, String request, double quantile) {
        if (live == null) return 0;
        LiveRow row = live.aggregate().name().equals(request) ? live.aggregate()
                : live.rows().stream().filter(r -> r.name().equals(request)).findFirst().orElse(null);
        if (row == null) return 0;
        return quantile == 0.5 ? row.p50Ms() : quantile == 0.95 ? row.p95Ms() : row.p99Ms();
    }
}
