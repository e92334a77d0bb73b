package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Live totals of the run as the master last reported them (percentiles over the run so far, rps over the last 10 s).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProgressStatus {

    private Integer users;

    /** Time since the users started, such as 90s or 2m5s. */
    private String elapsed;

    private Long requests;

    private Long failures;

    private Double rps;

    private Double p50Ms;

    private Double p95Ms;

    private Double p99Ms;

    public Integer getUsers() {
        return users;
    }

    public void setUsers(Integer users) {
        this.users = users;
    }

    public String getElapsed() {
        return elapsed;
    }

    public void setElapsed(String elapsed) {
        this.elapsed = elapsed;
    }

    public Long getRequests() {
        return requests;
    }

    public void setRequests(Long requests) {
        this.requests = requests;
    }

    public Long getFailures() {
        return failures;
    }

    public void setFailures(Long failures) {
        this.failures = failures;
    }

    public Double getRps() {
        return rps;
    }

    public void setRps(Double rps) {
        this.rps = rps;
    }

    public Double getP50Ms() {
        return p50Ms;
    }

    public void setP50Ms(Double p50Ms) {
        this.p50Ms = p50Ms;
    }

    public Double getP95Ms() {
        return p95Ms;
    }

    public void setP95Ms(Double p95Ms) {
        this.p95Ms = p95Ms;
    }

    public Double getP99Ms() {
        return p99Ms;
    }

    public void setP99Ms(Double p99Ms) {
        this.p99Ms = p99Ms;
    }
}
