package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * Think time: exactly one of between, constant or pacing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "(has(self.between) ? 1 : 0) + (has(self.constant) ? 1 : 0) + (has(self.pacing) ? 1 : 0) == 1", message = "wait takes exactly one of between, constant or pacing")
public class WaitSpec {

    @JsonPropertyDescription("A random wait between two durations, such as [1s, 3s].")
    @Size(min = 2, max = 2)
    private List<String> between;

    @JsonPropertyDescription("The same wait after every task, such as 1s.")
    @Pattern(SpecPatterns.DURATION)
    private String constant;

    @JsonPropertyDescription("One task start per this period.")
    @Pattern(SpecPatterns.DURATION)
    private String pacing;

    public List<String> getBetween() {
        return between;
    }

    public void setBetween(List<String> between) {
        this.between = between;
    }

    public String getConstant() {
        return constant;
    }

    public void setConstant(String constant) {
        this.constant = constant;
    }

    public String getPacing() {
        return pacing;
    }

    public void setPacing(String pacing) {
        this.pacing = pacing;
    }
}
