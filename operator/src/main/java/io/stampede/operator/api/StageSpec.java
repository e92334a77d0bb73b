package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * One stage of a staged load.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StageSpec {

    @JsonPropertyDescription("How long this stage lasts, such as 30s or 2m.")
    @Required
    @Pattern(SpecPatterns.DURATION)
    private String duration;

    @JsonPropertyDescription("Users reached at the end of the stage.")
    @Required
    @Min(0)
    private Integer users;

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }

    public Integer getUsers() {
        return users;
    }

    public void setUsers(Integer users) {
        this.users = users;
    }
}
