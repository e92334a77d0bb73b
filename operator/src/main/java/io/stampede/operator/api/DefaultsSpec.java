package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.Map;

/**
 * Settings for every request unless a request sets its own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DefaultsSpec {

    @JsonPropertyDescription("Headers sent with every request, such as Accept: application/json.")
    private Map<String, String> headers;

    @JsonPropertyDescription("Per request; a timeout is a failure of its own kind.")
    @Pattern(SpecPatterns.DURATION)
    private String timeout;

    public Map<String, String> getHeaders() {
        return headers;
    }

    public void setHeaders(Map<String, String> headers) {
        this.headers = headers;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }
}
