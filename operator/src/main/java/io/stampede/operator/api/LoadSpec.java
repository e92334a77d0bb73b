package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * The load: users and duration, or stages, or a preset (the closed model); a stress run's steps; or an arrival rate
 * (the open model).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.stages) || (!has(self.users) && !has(self.duration))", message = "stages cannot be combined with users or duration")
public class LoadSpec {

    @JsonPropertyDescription("smoke, basic, spike, endurance or stress; explicit fields override it.")
    @ValidationRule(value = "self in ['smoke', 'basic', 'spike', 'endurance', 'stress']", message = "preset must be one of smoke, basic, spike, endurance, stress")
    private String preset;

    @JsonPropertyDescription("Concurrent virtual users.")
    @Min(1)
    private Integer users;

    @JsonPropertyDescription("Users started or stopped per second (default: all at once).")
    @ValidationRule(value = "self > 0.0", message = "spawnRate must be greater than 0")
    private Double spawnRate;

    @JsonPropertyDescription("How long the load lasts: 500ms, 30s, 2m, 1h30m.")
    @Pattern(SpecPatterns.DURATION)
    private String duration;

    @JsonPropertyDescription("Instead of users/duration: each stage moves to its users over its duration.")
    private List<StageSpec> stages;

    @JsonPropertyDescription("Instead of users, duration and stages: step the users up until a step breaks the thresholds.")
    private StressLoadSpec stress;

    @JsonPropertyDescription("The open model instead of users: iterations start at a rate; arrivals without a free user are dropped.")
    private ArrivalRateLoadSpec arrivalRate;

    public StressLoadSpec getStress() {
        return stress;
    }

    public void setStress(StressLoadSpec stress) {
        this.stress = stress;
    }

    public ArrivalRateLoadSpec getArrivalRate() {
        return arrivalRate;
    }

    public void setArrivalRate(ArrivalRateLoadSpec arrivalRate) {
        this.arrivalRate = arrivalRate;
    }

    @JsonPropertyDescription("At the end, in-flight tasks get this long to finish.")
    @Pattern(SpecPatterns.DURATION)
    private String stopTimeout;

    public String getPreset() {
        return preset;
    }

    public void setPreset(String preset) {
        this.preset = preset;
    }

    public Integer getUsers() {
        return users;
    }

    public void setUsers(Integer users) {
        this.users = users;
    }

    public Double getSpawnRate() {
        return spawnRate;
    }

    public void setSpawnRate(Double spawnRate) {
        this.spawnRate = spawnRate;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }

    public List<StageSpec> getStages() {
        return stages;
    }

    public void setStages(List<StageSpec> stages) {
        this.stages = stages;
    }

    public String getStopTimeout() {
        return stopTimeout;
    }

    public void setStopTimeout(String stopTimeout) {
        this.stopTimeout = stopTimeout;
    }
}
