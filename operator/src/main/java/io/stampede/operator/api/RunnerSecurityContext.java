package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/**
 * The identity the runner pods run as, when the image's uid 10001 does not suit the cluster. Given, it replaces all
 * three ids: one left out is left to the cluster (OpenShift's restricted SCC assigns them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunnerSecurityContext {

    @JsonPropertyDescription("User id of the runner process (not 0: the pods run as non-root).")
    @Min(1)
    private Long runAsUser;

    @JsonPropertyDescription("Primary group id of the runner process.")
    @Min(0)
    private Long runAsGroup;

    @JsonPropertyDescription("Group that owns the mounted volumes (the token and /tmp).")
    @Min(0)
    private Long fsGroup;

    public Long getRunAsUser() {
        return runAsUser;
    }

    public void setRunAsUser(Long runAsUser) {
        this.runAsUser = runAsUser;
    }

    public Long getRunAsGroup() {
        return runAsGroup;
    }

    public void setRunAsGroup(Long runAsGroup) {
        this.runAsGroup = runAsGroup;
    }

    public Long getFsGroup() {
        return fsGroup;
    }

    public void setFsGroup(Long fsGroup) {
        this.fsGroup = fsGroup;
    }
}
