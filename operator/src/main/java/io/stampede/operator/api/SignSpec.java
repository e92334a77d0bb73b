package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/**
 * {@code sign}: a request signer from a plugin (docs/extending.md). The runner in the pod loads the plugins
 * ({@code STAMPEDE_PLUGINS} in its image) and checks the name; the operator takes any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SignSpec {

    @JsonPropertyDescription("The signer's name, as its plugin defines it, such as hmacSha256.")
    @Required
    private String plugin;

    @JsonPropertyDescription("Its settings: text templates, such as key: \"${hmacKey}\" (a variable read from the "
            + "environment).")
    private Map<String, String> with;

    public String getPlugin() {
        return plugin;
    }

    public void setPlugin(String plugin) {
        this.plugin = plugin;
    }

    public Map<String, String> getWith() {
        return with;
    }

    public void setWith(Map<String, String> with) {
        this.with = with;
    }
}
