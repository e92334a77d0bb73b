package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A ConfigMap of the LoadTest's namespace whose keys are data files for {@code spec.data}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DataFromSpec {

    @JsonPropertyDescription("The ConfigMap's name; the operator mounts the keys spec.data names beside the LoadTest file in the master pod.")
    @Required
    private String configMap;

    public String getConfigMap() {
        return configMap;
    }

    public void setConfigMap(String configMap) {
        this.configMap = configMap;
    }
}
