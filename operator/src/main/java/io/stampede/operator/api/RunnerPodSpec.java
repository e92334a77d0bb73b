package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.Map;

/**
 * How the master pod (spec.master) or the worker pods (spec.workerPods) are shaped: what service meshes, cost
 * tools and OpenShift ask of pods. The operator's own labels and the restricted security settings always stay.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunnerPodSpec {

    @JsonPropertyDescription("Labels added to the pods, such as sidecar.istio.io/inject: \"false\"; the operator's own app.kubernetes.io/* and stampede.io/* labels win.")
    private Map<String, String> labels;

    @JsonPropertyDescription("Annotations added to the pods, such as sidecar.istio.io/inject: \"false\" or cluster-autoscaler.kubernetes.io/safe-to-evict: \"false\".")
    private Map<String, String> annotations;

    @JsonPropertyDescription("CPU and memory of these pods' runner container; overrides spec.resources. Default: requests cpu 250m (master) or 1 (worker), memory 512Mi; limit memory 1Gi.")
    @SchemaFrom(type = KubernetesSchemas.ResourceRequirements.class)
    private ResourceRequirements resources;

    @JsonPropertyDescription("The pods' user and groups, replacing the runner image's uid 10001 (e.g. {} on OpenShift, which assigns its own). runAsNonRoot and the RuntimeDefault seccomp profile always stay.")
    private RunnerSecurityContext securityContext;

    @JsonPropertyDescription("PriorityClass of the pods, so that load generators are not the first evicted (or are).")
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    private String priorityClassName;

    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public RunnerSecurityContext getSecurityContext() {
        return securityContext;
    }

    public void setSecurityContext(RunnerSecurityContext securityContext) {
        this.securityContext = securityContext;
    }

    public String getPriorityClassName() {
        return priorityClassName;
    }

    public void setPriorityClassName(String priorityClassName) {
        this.priorityClassName = priorityClassName;
    }
}
