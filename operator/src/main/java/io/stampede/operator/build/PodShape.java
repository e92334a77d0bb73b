package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.RunnerPodSpec;
import io.stampede.operator.api.RunnerSecurityContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What spec.master and spec.workerPods change in the runner pods, and the defaults when they say nothing. Pure.
 * The restricted Pod Security Standard stays whatever they say: runAsNonRoot and the RuntimeDefault seccomp
 * profile on the pod, and the container's own restrictions (see {@link RunnerPods#containerSecurity()}).
 */
public final class PodShape {

    /** Which pods. */
    public enum Role {
        MASTER("master", "250m"), WORKER("worker", "1");

        private final String containerName;
        private final String defaultCpuRequest;

        Role(String containerName, String defaultCpuRequest) {
            this.containerName = containerName;
            this.defaultCpuRequest = defaultCpuRequest;
        }

        public String containerName() {
            return containerName;
        }
    }

    private PodShape() {
    }

    /** The role's pod settings from the spec; an empty one when absent. */
    static RunnerPodSpec of(LoadTest loadTest, Role role) {
        RunnerPodSpec shape = role == Role.MASTER ? loadTest.getSpec().getMaster() : loadTest.getSpec().getWorkerPods();
        return shape == null ? new RunnerPodSpec() : shape;
    }

    /** The user's labels, then the operator's (which win: selectors and the PodMonitor rely on them). */
    static Map<String, String> labels(LoadTest loadTest, Role role, Map<String, String> operatorLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (of(loadTest, role).getLabels() != null) labels.putAll(of(loadTest, role).getLabels());
        labels.putAll(operatorLabels);
        return labels;
    }

    /** The user's annotations, in a map of its own (Java Operator SDK adds its own to the master pod's). */
    static Map<String, String> annotations(LoadTest loadTest, Role role) {
        Map<String, String> annotations = of(loadTest, role).getAnnotations();
        return annotations == null ? new LinkedHashMap<>() : new LinkedHashMap<>(annotations);
    }

    /**
     * The role's resources, else spec.resources, else the default: requests cpu 250m (master) or 1 (worker) and
     * memory 512Mi, limit memory 1Gi, so runner pods are never BestEffort (evicted first under pressure).
     */
    static ResourceRequirements resources(LoadTest loadTest, Role role) {
        if (of(loadTest, role).getResources() != null) return of(loadTest, role).getResources();
        if (loadTest.getSpec().getResources() != null) return loadTest.getSpec().getResources();
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(role.defaultCpuRequest))
                .addToRequests("memory", new Quantity("512Mi"))
                .addToLimits("memory", new Quantity("1Gi"))
                .build();
    }

    /** The restricted pod security context, with the user's ids instead of the image's when given. */
    static PodSecurityContext podSecurity(LoadTest loadTest, Role role) {
        RunnerSecurityContext ids = of(loadTest, role).getSecurityContext();
        PodSecurityContextBuilder security = new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile();
        if (ids == null) {
            return security.withRunAsUser(RunnerPods.RUNNER_UID).withRunAsGroup(RunnerPods.RUNNER_UID)
                    .withFsGroup(RunnerPods.RUNNER_UID).build();
        }
        return security.withRunAsUser(ids.getRunAsUser()).withRunAsGroup(ids.getRunAsGroup())
                .withFsGroup(ids.getFsGroup()).build();
    }

    static String priorityClassName(LoadTest loadTest, Role role) {
        return of(loadTest, role).getPriorityClassName();
    }

    /** The user's envFrom sources (validated by check/PodShapePolicy: each with a prefix). */
    static List<EnvFromSource> envFrom(LoadTest loadTest, Role role) {
        return listOrEmpty(of(loadTest, role).getEnvFrom());
    }

    /** The user's volumes, after the operator's own (validated: restricted kinds, no clash of names). */
    static List<Volume> volumes(LoadTest loadTest, Role role) {
        return listOrEmpty(of(loadTest, role).getVolumes());
    }

    /** The user's mounts, after the operator's own (validated: own volumes only, not over the operator's paths). */
    static List<VolumeMount> volumeMounts(LoadTest loadTest, Role role) {
        return listOrEmpty(of(loadTest, role).getVolumeMounts());
    }

    static List<TopologySpreadConstraint> topologySpreadConstraints(LoadTest loadTest, Role role) {
        return listOrEmpty(of(loadTest, role).getTopologySpreadConstraints());
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
