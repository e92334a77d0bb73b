package io.stampede.operator.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;

/**
 * Meter filters that keep the operator's whole {@code /q/metrics} accepted by {@code promtool check metrics}, not
 * only the {@code stampede_*} families: Prometheus users lint what they scrape, and a linter that always complains
 * gets ignored. Quarkus applies every {@link MeterFilter} bean to its registries before any meter is created.
 * What each filter answers (the Netty binder, which also has no help text, is off in application.properties):
 * <ul>
 *   <li>Java Operator SDK's meters carry no description ("no help text"): each gets one;</li>
 *   <li>its reconcile timer publishes client-side percentiles on top of its histogram, which the Prometheus
 *       registry writes as a {@code quantile} label on a histogram family: the percentiles are dropped, the
 *       buckets kept ({@code histogram_quantile} computes the same across pods, which percentiles cannot);</li>
 *   <li>Micrometer's {@code process.cpu.time} is in nanoseconds ({@code process_cpu_time_ns_total}, "abbreviated
 *       units") and duplicates {@code process_cpu_usage}; {@code system.cpu.count} ends in {@code _count}, which
 *       Prometheus reserves for summaries and histograms: both are left out.</li>
 * </ul>
 */
public final class PromtoolCleanMeters {

    private static final String JOSDK_PREFIX = "operator.sdk.";

    /** Help texts of Java Operator SDK's meters, by Micrometer name; others get {@link #fallbackHelp(String)}. */
    private static final Map<String, String> JOSDK_HELP = Map.of(
            "operator.sdk.controllers.execution.reconcile", "Time Java Operator SDK spent in reconcile calls",
            "operator.sdk.controllers.execution.reconcile.success", "Reconcile calls that succeeded, per controller",
            "operator.sdk.controllers.execution.reconcile.failure", "Reconcile calls that failed, per controller",
            "operator.sdk.events.received", "Events Java Operator SDK received from its informers",
            "operator.sdk.reconciliations.started", "Reconciliations started",
            "operator.sdk.reconciliations.success", "Reconciliations that succeeded",
            "operator.sdk.reconciliations.failed", "Reconciliations that failed",
            "operator.sdk.reconciliations.retries.number", "Reconciliations retried");

    @Produces
    @Singleton
    MeterFilter withoutAbbreviatedOrReservedNames() {
        return MeterFilter.deny(id -> id.getName().equals("process.cpu.time") || id.getName().equals("system.cpu.count"));
    }

    @Produces
    @Singleton
    MeterFilter operatorSdkMetersWithHelp() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith(JOSDK_PREFIX) || hasText(id.getDescription())) return id;
                String help = JOSDK_HELP.getOrDefault(id.getName(), fallbackHelp(id.getName()));
                return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), help, id.getType());
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith(JOSDK_PREFIX)) return config;
                return DistributionStatisticConfig.builder().percentiles(new double[0]).build().merge(config);
            }
        };
    }

    /** "operator.sdk.reconciliations.queue.size.loadtest" -> "Java Operator SDK: reconciliations queue size loadtest". */
    static String fallbackHelp(String name) {
        return "Java Operator SDK: " + name.substring(JOSDK_PREFIX.length()).replace('.', ' ').toLowerCase(Locale.ROOT);
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
