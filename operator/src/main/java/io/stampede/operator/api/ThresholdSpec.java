package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * A pass/fail rule over the aggregate or one stats row.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ThresholdSpec {

    @JsonPropertyDescription("Such as p95 < 2s, failureRate < 1%, rps > 50.")
    @Required
    private String expr;

    @JsonPropertyDescription("The stats row, such as GET /api/products/{id}; default: the aggregate.")
    private String request;

    public String getExpr() {
        return expr;
    }

    public void setExpr(String expr) {
        this.expr = expr;
    }

    public String getRequest() {
        return request;
    }

    public void setRequest(String request) {
        this.request = request;
    }
}
