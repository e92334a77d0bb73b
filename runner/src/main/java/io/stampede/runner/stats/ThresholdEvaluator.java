package io.stampede.runner.stats;

import java.util.List;
import java.util.Optional;

/**
 * Judges thresholds against a run's summary. Pure.
 *
 * <p>A threshold scoped to a row that had no requests fails ({@code no requests}): the row was probably
 * misnamed, and nothing was measured. On the aggregate of a run without requests, the latency metrics and
 * failureRate fail the same way, while requests, failures and rps are judged on their zero values.
 */
public final class ThresholdEvaluator {

    private ThresholdEvaluator() {
    }

    public static List<ThresholdResult> evaluate(List<Threshold> thresholds, RunSummary summary) {
        return thresholds.stream().map(threshold -> evaluate(threshold, summary)).toList();
    }

    public static ThresholdResult evaluate(Threshold threshold, RunSummary summary) {
        if (threshold.metric().equals("dropped") || threshold.metric().equals(Threshold.DROPPED_RATE)) {
            double observed = threshold.metric().equals("dropped") ? summary.arrivals().dropped()
                    : summary.arrivals().droppedRate();
            return new ThresholdResult(threshold, observed, HumanFormat.metric(threshold.metric(), observed),
                    threshold.op().holds(observed, threshold.limit()));
        }
        Optional<RowSummary> row = threshold.request() == null
                ? Optional.of(summary.total())
                : summary.row(threshold.request());
        if (row.isEmpty() || row.get().requests() == 0 && needsRequests(threshold)) {
            return new ThresholdResult(threshold, Double.NaN, ThresholdResult.NO_REQUESTS, false);
        }
        double observed = observe(threshold.metric(), row.get());
        return new ThresholdResult(threshold, observed, HumanFormat.metric(threshold.metric(), observed),
                threshold.op().holds(observed, threshold.limit()));
    }

    public static boolean allPassed(List<ThresholdResult> results) {
        return results.stream().allMatch(ThresholdResult::passed);
    }

    private static boolean needsRequests(Threshold threshold) {
        return threshold.request() != null || threshold.isLatency() || threshold.metric().equals("failureRate");
    }

    /** The metric's value for a row, in the metric's base unit. */
    static double observe(String metric, RowSummary row) {
        return switch (metric) {
            case "avg" -> row.avgMs();
            case "min" -> row.minMs();
            case "max" -> row.maxMs();
            case "rps" -> row.rps();
            case "failureRate" -> row.failureRate();
            case "failures" -> row.failures();
            case "requests" -> row.requests();
            default -> {
                if (!Threshold.METRICS.contains(metric) || !metric.startsWith("p")) {
                    throw new IllegalArgumentException("unknown threshold metric: " + metric);
                }
                yield row.percentiles().at(Double.parseDouble(metric.substring(1)));
            }
        };
    }
}
