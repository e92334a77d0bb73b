package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.util.List;
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

    @JsonPropertyDescription("ConfigMaps and Secrets whose keys become environment variables of the runner container, each with a required prefix (APP_) that keeps them away from the JVM's, the linker's and the runner's own variables; spec.variables read them with fromEnv. The operator's own variables win.")
    @SchemaFrom(type = KubernetesSchemas.EnvFromSource[].class)
    private List<EnvFromSource> envFrom;

    @JsonPropertyDescription("More volumes of these pods, of the kinds the restricted Pod Security Standard allows (configMap, secret, emptyDir, persistentVolumeClaim, projected, downwardAPI, csi, ephemeral); mount them with volumeMounts.")
    @SchemaFrom(type = KubernetesSchemas.Volume[].class)
    private List<Volume> volumes;

    @JsonPropertyDescription("Where the runner container mounts volumes of this volumes list (not the operator's own: token, tmp, test).")
    @SchemaFrom(type = KubernetesSchemas.VolumeMount[].class)
    private List<VolumeMount> volumeMounts;

    @JsonPropertyDescription("How these pods spread over zones or nodes (kubectl explain pod.spec.topologySpreadConstraints), e.g. workers over zones with labelSelector matchLabels app.kubernetes.io/component: worker.")
    @SchemaFrom(type = KubernetesSchemas.TopologySpreadConstraint[].class)
    private List<TopologySpreadConstraint> topologySpreadConstraints;

    public List<EnvFromSource> getEnvFrom() {
        return envFrom;
    }

    public void setEnvFrom(List<EnvFromSource> envFrom) {
        this.envFrom = envFrom;
    }

    public List<Volume> getVolumes() {
        return volumes;
    }

    public void setVolumes(List<Volume> volumes) {
        this.volumes = volumes;
    }

    public List<VolumeMount> getVolumeMounts() {
        return volumeMounts;
    }

    public void setVolumeMounts(List<VolumeMount> volumeMounts) {
        this.volumeMounts = volumeMounts;
    }

    public List<TopologySpreadConstraint> getTopologySpreadConstraints() {
        return topologySpreadConstraints;
    }

    public void setTopologySpreadConstraints(List<TopologySpreadConstraint> topologySpreadConstraints) {
        this.topologySpreadConstraints = topologySpreadConstraints;
    }

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
