package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator observed: written by the operator only (the status subresource).
 * observedGeneration is the generation the current or last run was started from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadTestStatus {

    /** Pending, Provisioning, Running, Succeeded, Failed, Error or Aborted (see Phase). */
    private String phase;

    private Long observedGeneration;

    /** Number of the current or last run, from 1; the names of its pods and Jobs carry it. */
    private Integer run;

    /** When the users started (RFC 3339). */
    private String startTime;

    /** When the run ended (RFC 3339). */
    private String completionTime;

    private WorkersStatus workers;

    /** Live totals while running; the final totals afterwards. */
    private ProgressStatus progress;

    /** The final percentile summary, per stats row and in total. */
    private SummaryStatus summary;

    /** Every threshold's observed value and verdict, after the run. */
    private List<ThresholdResult> thresholds;

    /** kstatus-style conditions: Ready, Running, Completed, ThresholdsPassed, SpecChanged. */
    private List<Condition> conditions = new ArrayList<>();

    /** One line for people: why it waits, what failed, or the verdict. */
    private String message;

    /** The last few finished runs, newest first. */
    private List<RunRecord> history;

    /** A stress run's capacity: the highest step that held, the first that broke, and the sentence. */
    private CapacityStatus capacity;

    /** The story of the run: named patterns of how it degraded (the first five) and the verdict. */
    private StoryStatus story;

    public CapacityStatus getCapacity() {
        return capacity;
    }

    public void setCapacity(CapacityStatus capacity) {
        this.capacity = capacity;
    }

    public StoryStatus getStory() {
        return story;
    }

    public void setStory(StoryStatus story) {
        this.story = story;
    }

    /** The value of the stampede.io/rerun annotation this run was started under (absent when there was none). */
    private String rerun;

    public String getRerun() {
        return rerun;
    }

    public void setRerun(String rerun) {
        this.rerun = rerun;
    }

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public Integer getRun() {
        return run;
    }

    public void setRun(Integer run) {
        this.run = run;
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

    public WorkersStatus getWorkers() {
        return workers;
    }

    public void setWorkers(WorkersStatus workers) {
        this.workers = workers;
    }

    public ProgressStatus getProgress() {
        return progress;
    }

    public void setProgress(ProgressStatus progress) {
        this.progress = progress;
    }

    public SummaryStatus getSummary() {
        return summary;
    }

    public void setSummary(SummaryStatus summary) {
        this.summary = summary;
    }

    public List<ThresholdResult> getThresholds() {
        return thresholds;
    }

    public void setThresholds(List<ThresholdResult> thresholds) {
        this.thresholds = thresholds;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public List<RunRecord> getHistory() {
        return history;
    }

    public void setHistory(List<RunRecord> history) {
        this.history = history;
    }
}
