package io.stampede.runner.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a run's JSON summary against what the {@link TargetServer} really served: p50, p95 and p99 within 10 %
 * plus 1.5 ms of loopback of the server's own histogram (arrival to response written), and above it by at most
 * the event-loop lag the generator itself reported. A client sees a response no sooner than the server sent it,
 * and later by its own queueing, which the product must admit to (the JSON's {@code generator.loopLagMaxMs}):
 * on a loaded machine (CI, several JVMs warming up on two cores) that queueing is real and reported, not an error.
 */
public final class ReportedLatency {

    private ReportedLatency() {
    }

    /**
     * @param summary the whole JSON summary ({@code --json})
     * @param served  the server's histogram of the same run, in microseconds
     * @param label   names the run in failure messages
     */
    public static void assertMatchesServer(JsonNode summary, Histogram served, String label) {
        JsonNode total = summary.at("/summary/total");
        double lagMs = summary.at("/generator/loopLagMaxMs").asDouble(0);
        for (String percentile : List.of("p50Ms", "p95Ms", "p99Ms")) {
            double truth = served.getValueAtPercentile(Double.parseDouble(percentile.substring(1, 3))) / 1000.0;
            double tolerance = 0.1 * truth + 1.5;
            assertThat(total.get(percentile).asDouble())
                    .as("%s %s (server: %.2f ms; generator's loop lag up to %.1f ms)", percentile, label, truth, lagMs)
                    .isBetween(truth - tolerance, truth + tolerance + lagMs);
        }
    }
}
