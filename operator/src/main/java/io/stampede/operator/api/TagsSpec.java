package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * Task tags to include or exclude, like locust --tags / --exclude-tags.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TagsSpec {

    @JsonPropertyDescription("Run only the tasks that have one of these tags.")
    private List<String> include;

    @JsonPropertyDescription("Skip the tasks that have one of these tags.")
    private List<String> exclude;

    public List<String> getInclude() {
        return include;
    }

    public void setInclude(List<String> include) {
        this.include = include;
    }

    public List<String> getExclude() {
        return exclude;
    }

    public void setExclude(List<String> exclude) {
        this.exclude = exclude;
    }
}
