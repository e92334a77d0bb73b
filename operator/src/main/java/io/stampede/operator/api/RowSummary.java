package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One stats row (or the aggregate): counts, rate and latency in milliseconds, from the merged histograms.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RowSummary {

    /** Method and name, such as GET /api/products/{id}; absent for the total. */
    private String name;

    private Long requests;

    private Long failures;

    private Double rps;

    private Double avgMs;

    private Double minMs;

    private Double maxMs;

    private Double p50Ms;

    private Double p90Ms;

    private Double p95Ms;

    private Double p99Ms;

    private Double p999Ms;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public Double getAvgMs() {
        return avgMs;
    }

    public void setAvgMs(Double avgMs) {
        this.avgMs = avgMs;
    }

    public Double getMinMs() {
        return minMs;
    }

    public void setMinMs(Double minMs) {
        this.minMs = minMs;
    }

    public Double getMaxMs() {
        return maxMs;
    }

    public void setMaxMs(Double maxMs) {
        this.maxMs = maxMs;
    }

    public Double getP50Ms() {
        return p50Ms;
    }

    public void setP50Ms(Double p50Ms) {
        this.p50Ms = p50Ms;
    }

    public Double getP90Ms() {
        return p90Ms;
    }

    public void setP90Ms(Double p90Ms) {
        this.p90Ms = p90Ms;
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

    public Double getP999Ms() {
        return p999Ms;
    }

    public void setP999Ms(Double p999Ms) {
        this.p999Ms = p999Ms;
    }
}
