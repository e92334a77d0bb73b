package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A threshold's verdict: what was observed and whether it held.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ThresholdResult {

    private String expr;

    /** The stats row it was scoped to; absent for the aggregate. */
    private String request;

    /** Such as 812ms or 0.4%. */
    private String observed;

    private Boolean passed;

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

    public String getObserved() {
        return observed;
    }

    public void setObserved(String observed) {
        this.observed = observed;
    }

    public Boolean getPassed() {
        return passed;
    }

    public void setPassed(Boolean passed) {
        this.passed = passed;
    }
}
