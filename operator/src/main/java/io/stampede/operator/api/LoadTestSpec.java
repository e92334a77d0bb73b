package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;

/**
 * What to test and how: the LoadTest format of loadtest-format.md, plus the pod settings a cluster needs.
 * Fields the operator does not read itself (userClasses, variables, ...) are passed to the runner unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadTestSpec {

    @JsonPropertyDescription("Base URL of the system under test, such as http://shop.staging.svc:8080.")
    @Required
    @Pattern(SpecPatterns.TARGET)
    private String target;

    @JsonPropertyDescription("How many users, how fast and how long.")
    private LoadSpec load;

    @JsonPropertyDescription("Worker pods (default 1); the master splits the users, or the arrival rate, among them.")
    @Min(1)
    @Max(1000)
    private Integer workers;

    @JsonPropertyDescription("Run only tasks with these tags, or all but these.")
    private TagsSpec tags;

    @JsonPropertyDescription("Named values for templates: text, or {fromEnv: NAME} (in a cluster the env comes from env).")
    private Map<String, JsonNode> variables;

    @JsonPropertyDescription("Headers and timeout for every request.")
    private DefaultsSpec defaults;

    @JsonPropertyDescription("The kinds of virtual users, in proportion to their weights.")
    @Required
    @Size(min = 1)
    private List<UserClassSpec> userClasses;

    @JsonPropertyDescription("Pass/fail rules such as p95 < 2s; any breach gives phase Failed.")
    private List<ThresholdSpec> thresholds;

    @JsonPropertyDescription("Named row sources for templates (${name.column}): CSV or JSON files, drawn unique, sequential or random.")
    private Map<String, DataSourceSpec> data;

    @JsonPropertyDescription("ConfigMaps holding the files spec.data names (one key per file); a missing ConfigMap or key stops the run with phase Error.")
    private List<DataFromSpec> dataFrom;

    @JsonPropertyDescription("Steps the master runs once before the first user (k6's setup); what they extract is ${setup.NAME} for every user. A failed setup ends the run in phase Error, after teardown.")
    private List<JsonNode> setup;

    @JsonPropertyDescription("Steps the master runs once after the last user, also after a failed setup (k6's teardown).")
    private List<JsonNode> teardown;

    @JsonPropertyDescription("Webhooks the master POSTs the run's start, end (with the summary) and threshold breaches to.")
    private List<NotifySpec> notify;

    @JsonPropertyDescription("Environment of the runner pods, for fromEnv variables: values come from Secrets or ConfigMaps (valueFrom), never inline.")
    @ValidationRule(value = "self.all(e, !has(e.value))", message = "env takes values from Secrets or ConfigMaps (valueFrom.secretKeyRef), not inline values")
    @SchemaFrom(type = KubernetesSchemas.EnvVar[].class)
    private List<EnvVar> env;

    @JsonPropertyDescription("Runner image for master and workers (default: the operator's setting).")
    private String image;

    @JsonPropertyDescription("CPU and memory of each runner container (master and workers).")
    @SchemaFrom(type = KubernetesSchemas.ResourceRequirements.class)
    private ResourceRequirements resources;

    @JsonPropertyDescription("Node labels the runner pods must match.")
    private Map<String, String> nodeSelector;

    @JsonPropertyDescription("Taints the runner pods tolerate.")
    @SchemaFrom(type = KubernetesSchemas.Toleration[].class)
    private List<Toleration> tolerations;

    @JsonPropertyDescription("Scheduling constraints of the runner pods: a Kubernetes Affinity (kubectl explain pod.spec.affinity), checked by the API server when the pods are created.")
    @SchemaFrom(type = KubernetesSchemas.Opaque.class)
    @PreserveUnknownFields
    private Affinity affinity;

    @JsonPropertyDescription("Secrets for pulling a private runner image.")
    @SchemaFrom(type = KubernetesSchemas.LocalObjectReference[].class)
    private List<LocalObjectReference> imagePullSecrets;

    @JsonPropertyDescription("Service account of the runner pods (default: the namespace's default).")
    private String serviceAccountName;

    @JsonPropertyDescription("The master pod's labels, annotations, resources, user and priority class.")
    private RunnerPodSpec master;

    @JsonPropertyDescription("The worker pods' labels, annotations, resources, user and priority class (spec.workers is their number).")
    private RunnerPodSpec workerPods;

    @JsonPropertyDescription("Seconds after the end when pods, Jobs and the other objects of the run are removed; the LoadTest and its status stay.")
    @Min(0)
    private Integer ttlSecondsAfterFinished;

    public Map<String, DataSourceSpec> getData() {
        return data;
    }

    public void setData(Map<String, DataSourceSpec> data) {
        this.data = data;
    }

    public List<DataFromSpec> getDataFrom() {
        return dataFrom;
    }

    public void setDataFrom(List<DataFromSpec> dataFrom) {
        this.dataFrom = dataFrom;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public LoadSpec getLoad() {
        return load;
    }

    public void setLoad(LoadSpec load) {
        this.load = load;
    }

    public Integer getWorkers() {
        return workers;
    }

    public void setWorkers(Integer workers) {
        this.workers = workers;
    }

    public TagsSpec getTags() {
        return tags;
    }

    public void setTags(TagsSpec tags) {
        this.tags = tags;
    }

    public Map<String, JsonNode> getVariables() {
        return variables;
    }

    public void setVariables(Map<String, JsonNode> variables) {
        this.variables = variables;
    }

    public DefaultsSpec getDefaults() {
        return defaults;
    }

    public void setDefaults(DefaultsSpec defaults) {
        this.defaults = defaults;
    }

    public List<UserClassSpec> getUserClasses() {
        return userClasses;
    }

    public void setUserClasses(List<UserClassSpec> userClasses) {
        this.userClasses = userClasses;
    }

    public List<ThresholdSpec> getThresholds() {
        return thresholds;
    }

    public void setThresholds(List<ThresholdSpec> thresholds) {
        this.thresholds = thresholds;
    }

    public List<JsonNode> getSetup() {
        return setup;
    }

    public void setSetup(List<JsonNode> setup) {
        this.setup = setup;
    }

    public List<JsonNode> getTeardown() {
        return teardown;
    }

    public void setTeardown(List<JsonNode> teardown) {
        this.teardown = teardown;
    }

    public List<NotifySpec> getNotify() {
        return notify;
    }

    public void setNotify(List<NotifySpec> notify) {
        this.notify = notify;
    }

    public List<EnvVar> getEnv() {
        return env;
    }

    public void setEnv(List<EnvVar> env) {
        this.env = env;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public List<Toleration> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<Toleration> tolerations) {
        this.tolerations = tolerations;
    }

    public Affinity getAffinity() {
        return affinity;
    }

    public void setAffinity(Affinity affinity) {
        this.affinity = affinity;
    }

    public List<LocalObjectReference> getImagePullSecrets() {
        return imagePullSecrets;
    }

    public void setImagePullSecrets(List<LocalObjectReference> imagePullSecrets) {
        this.imagePullSecrets = imagePullSecrets;
    }

    public String getServiceAccountName() {
        return serviceAccountName;
    }

    public void setServiceAccountName(String serviceAccountName) {
        this.serviceAccountName = serviceAccountName;
    }

    public Integer getTtlSecondsAfterFinished() {
        return ttlSecondsAfterFinished;
    }

    public void setTtlSecondsAfterFinished(Integer ttlSecondsAfterFinished) {
        this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
    }

    public RunnerPodSpec getMaster() {
        return master;
    }

    public void setMaster(RunnerPodSpec master) {
        this.master = master;
    }

    public RunnerPodSpec getWorkerPods() {
        return workerPods;
    }

    public void setWorkerPods(RunnerPodSpec workerPods) {
        this.workerPods = workerPods;
    }
}
