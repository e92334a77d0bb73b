package io.stampede.runner.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode request(String row, int status, long micros, String cause) throws Exception {
        StringBuilder line = new StringBuilder();
        EventLines.request(line, 1_765_000_000_123L, row, status, micros, cause);
        assertThat(line).endsWith("}\n");
        assertThat(line.indexOf("\n")).isEqualTo(line.length() - 1);
        return JSON.readTree(line.toString());
    }

    @Test
    void aSuccessHasItsRowStatusAndLatencyInMillisecondsAndANullCause() throws Exception {
        JsonNode line = request("GET /api/items", 200, 12_345, null);

        assertThat(line.path("type").asText()).isEqualTo("request");
        assertThat(line.path("time").asLong()).isEqualTo(1_765_000_000_123L);
        assertThat(line.path("row").asText()).isEqualTo("GET /api/items");
        assertThat(line.path("status").asInt()).isEqualTo(200);
        assertThat(line.path("latencyMs").decimalValue()).isEqualByComparingTo("12.345");
        assertThat(line.path("cause").isNull()).isTrue();
    }

    @Test
    void aFailureWithoutAResponseHasANullStatusAndItsCauseEscaped() throws Exception {
        JsonNode line = request("POST /q?\"x\"", 0, 7, "check \"ok\" failed\n");

        assertThat(line.path("status").isNull()).isTrue();
        assertThat(line.path("latencyMs").decimalValue()).isEqualByComparingTo("0.007");
        assertThat(line.path("row").asText()).isEqualTo("POST /q?\"x\"");
        assertThat(line.path("cause").asText()).isEqualTo("check \"ok\" failed\n");
    }

    @Test
    void latencyKeepsItsLeadingZerosAfterThePoint() throws Exception {
        assertThat(request("GET /", 204, 1_000_050, null).path("latencyMs").decimalValue())
                .isEqualByComparingTo("1000.050");
    }
}
