package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * One stage of a staged load.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StageSpec {

    @Required
    @Pattern(SpecPatterns.DURATION)
    private String duration;

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
