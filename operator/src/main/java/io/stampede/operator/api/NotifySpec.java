package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

import java.util.List;

/** A webhook the master POSTs the run's summary to (spec.notify). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NotifySpec {

    @JsonPropertyDescription("http or https URL that receives the JSON; the operator's target allowlist applies to it, and the master's NetworkPolicy lets the master reach it.")
    @Required
    private String url;

    @JsonPropertyDescription("Which events it receives: start, end, breach (default: [end]).")
    private List<String> on;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getOn() {
        return on;
    }

    public void setOn(List<String> on) {
        this.on = on;
    }
}
