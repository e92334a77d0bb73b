package io.stampede.operator.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.Phase;
import io.stampede.operator.api.ProgressStatus;
import io.stampede.operator.api.ThresholdResult;
import io.stampede.operator.api.WorkersStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The Prometheus gauges of each LoadTest at {@code /q/metrics}, labelled {@code namespace} and {@code name}, with
 * the values of its status as last written:
 * <pre>
 * stampede_loadtest_phase{phase}              1 for the current phase, 0 for the others
 * stampede_loadtest_users                     users running (0 after the run)
 * stampede_loadtest_workers_connected         workers connected to the master
 * stampede_loadtest_rps                       requests per second (last 10 s while running; the run's after)
 * stampede_loadtest_requests_total            counter: requests of the current (or last) run; a new run starts
 *                                             again from 0, which Prometheus's rate() reads as a counter reset
 * stampede_loadtest_failures_total            counter: failures, likewise
 * stampede_loadtest_latency_seconds{quantile} summary: p50, p95, p99 over the run so far ({@link LatencySummaryCollector})
 * stampede_loadtest_threshold_passed{expr, request}  1 held, 0 breached (after the verdict)
 * </pre>
 * In Prometheus's conventions (base units, {@code _total} counters, quantiles only on a summary): checked by
 * {@code promtool check metrics} in the tests.
 * Threading: {@link #record} and {@link #forget} are called from reconciles (several threads); the gauges read an
 * atomically replaced status.
 */
@ApplicationScoped
public class LoadTestMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<LoadTestStatus>> statuses = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> thresholdGauges = new ConcurrentHashMap<>();

    /**
     * @param prometheus the registry {@code /q/metrics} serves: Quarkus's is Micrometer's simpleclient-based one,
     *                   whose collector registry takes the latency summary
     */
    @SuppressWarnings("deprecation") // the simpleclient-based registry is the one Quarkus 3.30 produces
    public LoadTestMetrics(MeterRegistry registry, io.micrometer.prometheus.PrometheusMeterRegistry prometheus) {
        this.registry = registry;
        prometheus.getPrometheusRegistry().register(new LatencySummaryCollector(statuses));
    }

    /** Makes the gauges of a LoadTest show its status. */
    public void record(LoadTest loadTest, LoadTestStatus status) {
        String key = key(loadTest);
        Tags tags = tags(loadTest);
        AtomicReference<LoadTestStatus> holder = statuses.computeIfAbsent(key, k -> {
            AtomicReference<LoadTestStatus> fresh = new AtomicReference<>(status);
            register(fresh, tags);
            return fresh;
        });
        holder.set(status);
        if (status.getThresholds() != null) {
            Set<String> known = thresholdGauges.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
            for (ThresholdResult threshold : status.getThresholds()) {
                String request = threshold.getRequest() == null ? "" : threshold.getRequest();
                if (known.add(threshold.getExpr() + "\u0000" + request)) {
                    Gauge.builder("stampede.loadtest.threshold.passed", holder,
                                    h -> passed(h.get(), threshold.getExpr(), threshold.getRequest()))
                            .tags(tags).tag("expr", threshold.getExpr()).tag("request", request)
                            .description("1 when the threshold held, 0 when it was breached")
                            .register(registry);
                }
            }
        }
    }

    /** Removes the gauges of a deleted LoadTest. */
    public void forget(LoadTest loadTest) {
        String key = key(loadTest);
        statuses.remove(key);
        thresholdGauges.remove(key);
        Tags tags = tags(loadTest);
        for (Meter meter : registry.getMeters()) {
            if (meter.getId().getName().startsWith("stampede.loadtest.")
                    && tags.stream().allMatch(tag -> tag.getValue().equals(meter.getId().getTag(tag.getKey())))) {
                registry.remove(meter);
            }
        }
    }

    private void register(AtomicReference<LoadTestStatus> holder, Tags tags) {
        for (Phase phase : Phase.values()) {
            Gauge.builder("stampede.loadtest.phase", holder, h -> Phase.of(h.get()) == phase ? 1 : 0)
                    .tags(tags).tag("phase", phase.name()).description("1 for the LoadTest's current phase")
                    .register(registry);
        }
        gauge("stampede.loadtest.users", holder, tags, ProgressStatus::getUsers, "users running");
        gauge("stampede.loadtest.rps", holder, tags, ProgressStatus::getRps, "requests per second");
        counter("stampede.loadtest.requests", holder, tags, ProgressStatus::getRequests, "requests of the run so far");
        counter("stampede.loadtest.failures", holder, tags, ProgressStatus::getFailures, "failed requests of the run so far");
        Gauge.builder("stampede.loadtest.workers.connected", holder, h -> {
                    WorkersStatus workers = h.get().getWorkers();
                    return workers == null || workers.getConnected() == null ? 0 : workers.getConnected();
                }).tags(tags).description("workers connected to the master").register(registry);
    }

    private void gauge(String name, AtomicReference<LoadTestStatus> holder, Tags tags,
                       Function<ProgressStatus, Number> value, String description) {
        Gauge.builder(name, holder, progress(value)).tags(tags).description(description).register(registry);
    }

    /** A run's total as a counter: it only grows during a run and starts again from 0 with the next. */
    private void counter(String name, AtomicReference<LoadTestStatus> holder, Tags tags,
                         Function<ProgressStatus, Number> value, String description) {
        FunctionCounter.builder(name, holder, progress(value)).tags(tags).description(description).register(registry);
    }

    /** A value of the status's progress, 0 while there is no progress or no such value yet. */
    private static ToDoubleFunction<AtomicReference<LoadTestStatus>> progress(Function<ProgressStatus, Number> value) {
        return holder -> {
            ProgressStatus progress = holder.get().getProgress();
            Number number = progress == null ? null : value.apply(progress);
            return number == null ? 0 : number.doubleValue();
        };
    }

    private static double passed(LoadTestStatus status, String expr, String request) {
        if (status.getThresholds() == null) return Double.NaN;
        return status.getThresholds().stream()
                .filter(t -> t.getExpr().equals(expr) && Objects.equals(t.getRequest(), request))
                .findFirst().map(t -> Boolean.TRUE.equals(t.getPassed()) ? 1.0 : 0.0).orElse(Double.NaN);
    }

    private static String key(LoadTest loadTest) {
        return loadTest.getMetadata().getNamespace() + "/" + loadTest.getMetadata().getName();
    }

    private static Tags tags(LoadTest loadTest) {
        return Tags.of("namespace", loadTest.getMetadata().getNamespace(), "name", loadTest.getMetadata().getName());
    }
}
