package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** The steps of a stress run: from {@code start}, {@code step} more each time, up to {@code max}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StressSteps {

    @JsonPropertyDescription("The first step (>= 1).")
    @Required
    @Min(1)
    private Integer start;

    @JsonPropertyDescription("Added at each step (>= 1).")
    @Required
    @Min(1)
    private Integer step;

    @JsonPropertyDescription("The last step (>= start).")
    @Required
    @Min(1)
    private Integer max;

    public Integer getStart() {
        return start;
    }

    public void setStart(Integer start) {
        this.start = start;
    }

    public Integer getStep() {
        return step;
    }

    public void setStep(Integer step) {
        this.step = step;
    }

    public Integer getMax() {
        return max;
    }

    public void setMax(Integer max) {
        this.max = max;
    }
}
