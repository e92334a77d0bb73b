package io.stampede.runner.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows and failure causes of a {@code --json} summary, keyed by row name, as tests compare them. */
public final class SummaryRows {

    private SummaryRows() {
    }

    /** Row name to {requests, failures}. */
    public static Map<String, long[]> rows(JsonNode report) {
        Map<String, long[]> rows = new TreeMap<>();
        for (JsonNode row : report.path("summary").path("requests")) {
            rows.put(row.path("name").asText(), new long[]{row.path("requests").asLong(),
                    row.path("failures").asLong()});
        }
        return rows;
    }

    /** Row name to its one failure cause (a row with two causes fails the test). */
    public static Map<String, String> causes(JsonNode report) {
        Map<String, String> causes = new TreeMap<>();
        for (JsonNode failure : report.path("failures")) {
            String earlier = causes.put(failure.path("request").asText(), failure.path("error").asText());
            assertThat(earlier).as("a second cause for " + failure.path("request").asText()).isNull();
        }
        return causes;
    }
}
