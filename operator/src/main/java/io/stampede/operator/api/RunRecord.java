package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A finished run kept in status.history when a new generation starts a new run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunRecord {

    private Integer run;

    private Long generation;

    private String phase;

    private String startTime;

    private String completionTime;

    private String message;

    private RowSummary total;

    public Integer getRun() {
        return run;
    }

    public void setRun(Integer run) {
        this.run = run;
    }

    public Long getGeneration() {
        return generation;
    }

    public void setGeneration(Long generation) {
        this.generation = generation;
    }

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getCompletionTime() {
        return completionTime;
    }

    public void setCompletionTime(String completionTime) {
        this.completionTime = completionTime;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public RowSummary getTotal() {
        return total;
    }

    public void setTotal(RowSummary total) {
        this.total = total;
    }

    /** Runs kept in status.history. */
    public static final int KEPT = 5;
}
