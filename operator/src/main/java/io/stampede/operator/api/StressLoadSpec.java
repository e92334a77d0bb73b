package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;

/**
 * Stress to the breaking point: the users step up every {@code every} until a step breaks the file's thresholds,
 * each judged over that step alone; the run stops at the first broken step and reports capacity.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StressLoadSpec {

    @JsonPropertyDescription("User steps: the first step's users, users added at each step, the last step's users.")
    private StressSteps users;

    @JsonPropertyDescription("Arrival-rate steps (the open model); not run yet: the runner's validator refuses them with a message.")
    private StressSteps rate;

    @JsonPropertyDescription("How long each step holds (>= 1s; default 1m).")
    @Pattern(SpecPatterns.DURATION)
    private String every;

    @JsonPropertyDescription("What breaks a step: thresholds (the file's thresholds, judged over each step alone).")
    private String breakOn;

    public StressSteps getUsers() {
        return users;
    }

    public void setUsers(StressSteps users) {
        this.users = users;
    }

    public StressSteps getRate() {
        return rate;
    }

    public void setRate(StressSteps rate) {
        this.rate = rate;
    }

    public String getEvery() {
        return every;
    }

    public void setEvery(String every) {
        this.every = every;
    }

    public String getBreakOn() {
        return breakOn;
    }

    public void setBreakOn(String breakOn) {
        this.breakOn = breakOn;
    }
}
