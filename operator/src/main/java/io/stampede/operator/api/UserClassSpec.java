package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/**
 * A kind of virtual user: its tasks, its wait between tasks and its login.
 * Steps and tasks are kept as written (their fields are checked by the runner's validator, which names the field).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UserClassSpec {

    @JsonPropertyDescription("Name of the class, shown in reports.")
    @Required
    private String name;

    @JsonPropertyDescription("Ratio of users of this class (default 1).")
    @Min(1)
    private Integer weight;

    @JsonPropertyDescription("weighted (default: tasks drawn by weight) or sequential (tasks in written order, then "
            + "again, like Locust's SequentialTaskSet; tasks have no weight then).")
    @ValidationRule(value = "self in ['weighted', 'sequential']", message = "order must be weighted or sequential")
    private String order;

    @JsonPropertyDescription("Think time between tasks (a task's own wait overrides it after that task).")
    private WaitSpec wait;

    @JsonPropertyDescription("Steps run once per user before its tasks, such as a login.")
    private List<JsonNode> onStart;

    @JsonPropertyDescription("Steps run once when a user is stopped (end of run, ramp-down, stop), such as a logout.")
    private List<JsonNode> onStop;

    @JsonPropertyDescription("Statuses that run onStart again and retry the request once, such as 401.")
    private List<Integer> reauthOn;

    @JsonPropertyDescription("Headers of every request of this class.")
    private Map<String, String> headers;

    @JsonPropertyDescription("What the user does, picked by weight (or in written order with order: sequential).")
    @Required
    @Size(min = 1)
    private List<JsonNode> tasks;

    @JsonPropertyDescription("A request signer from a plugin for this class's requests, replacing spec.defaults.sign.")
    private SignSpec sign;

    public SignSpec getSign() {
        return sign;
    }

    public void setSign(SignSpec sign) {
        this.sign = sign;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public WaitSpec getWait() {
        return wait;
    }

    public void setWait(WaitSpec wait) {
        this.wait = wait;
    }

    public List<JsonNode> getOnStart() {
        return onStart;
    }

    public void setOnStart(List<JsonNode> onStart) {
        this.onStart = onStart;
    }

    public List<JsonNode> getOnStop() {
        return onStop;
    }

    public void setOnStop(List<JsonNode> onStop) {
        this.onStop = onStop;
    }

    public List<Integer> getReauthOn() {
        return reauthOn;
    }

    public void setReauthOn(List<Integer> reauthOn) {
        this.reauthOn = reauthOn;
    }

    public Map<String, String> getHeaders() {
        return headers;
    }

    public void setHeaders(Map<String, String> headers) {
        this.headers = headers;
    }

    public List<JsonNode> getTasks() {
        return tasks;
    }

    public void setTasks(List<JsonNode> tasks) {
        this.tasks = tasks;
    }
}
