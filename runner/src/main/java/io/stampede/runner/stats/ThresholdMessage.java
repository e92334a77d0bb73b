package io.stampede.runner.stats;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one-line verdict users see in the console and in the cluster status, e.g.
 * {@code 3 of 4 thresholds passed; p99 of GET /api/products/{id} was 1.4s (limit 1s)}.
 */
public final class ThresholdMessage {

    private ThresholdMessage() {
    }

    public static String of(List<ThresholdResult> results) {
        int total = results.size();
        if (total == 0) {
            return "no thresholds";
        }
        List<ThresholdResult> failed = results.stream().filter(result -> !result.passed()).toList();
        if (failed.isEmpty()) {
            return total == 1 ? "1 threshold passed" : "all " + total + " thresholds passed";
        }
        String breaches = failed.stream().map(ThresholdMessage::breach).collect(Collectors.joining("; "));
        return (total - failed.size()) + " of " + total + (total == 1 ? " threshold" : " thresholds")
                + " passed; " + breaches;
    }

    /** {@code p99 of GET /x was 1.4s (limit 1s)}; {@code p95 was 2.1s (limit 2s)} for the aggregate. */
    static String breach(ThresholdResult result) {
        Threshold threshold = result.threshold();
        String subject = threshold.metric() + (threshold.request() == null ? "" : " of " + threshold.request());
        if (result.hadNoRequests()) {
            return subject + " had no requests";
        }
        return subject + " was " + result.observedText() + " (limit " + result.limitText() + ")";
    }
}
