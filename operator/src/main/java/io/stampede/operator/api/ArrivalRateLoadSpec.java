package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

import java.util.List;

/**
 * The open model: iterations start at a rate, whether or not the target keeps up; an arrival that finds no free
 * user is dropped and counted. {@code rate} with {@code duration}, or {@code stages} of rate ramps. With several
 * workers the master splits the rate and maxUsers among them, and moves a lost worker's share to the others.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ArrivalRateLoadSpec {

    @JsonPropertyDescription("Arrivals per per (> 0); with duration, instead of stages.")
    private Double rate;

    @JsonPropertyDescription("The unit of every rate (default 1s): rate 30 per 1m is one arrival every 2 s.")
    @Pattern(SpecPatterns.DURATION)
    private String per;

    @JsonPropertyDescription("How long the constant rate runs.")
    @Pattern(SpecPatterns.DURATION)
    private String duration;

    @JsonPropertyDescription("Ramps: each stage moves the rate in a straight line from the previous stage's (0 for the first).")
    private List<RateStage> stages;

    @JsonPropertyDescription("The most virtual users the arrivals may occupy at once (>= 1), over all workers.")
    @Required
    @Min(1)
    private Integer maxUsers;

    public Double getRate() {
        return rate;
    }

    public void setRate(Double rate) {
        this.rate = rate;
    }

    public String getPer() {
        return per;
    }

    public void setPer(String per) {
        this.per = per;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }

    public List<RateStage> getStages() {
        return stages;
    }

    public void setStages(List<RateStage> stages) {
        this.stages = stages;
    }

    public Integer getMaxUsers() {
        return maxUsers;
    }

    public void setMaxUsers(Integer maxUsers) {
        this.maxUsers = maxUsers;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** One ramp of the rate. */
    public static class RateStage {

        @JsonPropertyDescription("How long the ramp takes.")
        @Required
        @Pattern(SpecPatterns.DURATION)
        private String duration;

        @JsonPropertyDescription("The rate at its end (>= 0).")
        @Required
        private Double rate;

        public String getDuration() {
            return duration;
        }

        public void setDuration(String duration) {
            this.duration = duration;
        }

        public Double getRate() {
            return rate;
        }

        public void setRate(Double rate) {
            this.rate = rate;
        }
    }
}
