package io.stampede.operator.run;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import java.util.Optional;
import java.util.Set;

/**
 * What keeps a master pod from serving its run, read from the pod's status: an image that cannot be pulled, a
 * container that cannot be created, a pod that cannot be scheduled, or a master that exited. Pure functions.
 */
public final class PodTrouble {

    /** Waiting reasons that do not go away by waiting. */
    private static final Set<String> FATAL_WAITING = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CreateContainerConfigError", "CreateContainerError", "CrashLoopBackOff");

    private PodTrouble() {
    }

    /** A reason the pod will never start, for status.message; empty when it may still start or is running. */
    public static Optional<String> fatal(Pod pod) {
        for (ContainerStatus container : containers(pod)) {
            ContainerStateWaiting waiting = container.getState() == null ? null : container.getState().getWaiting();
            if (waiting != null && FATAL_WAITING.contains(waiting.getReason())) {
                return Optional.of("the master pod " + pod.getMetadata().getName() + " cannot start: "
                        + waiting.getReason() + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** Why the scheduler has not placed the pod, or empty. */
    public static Optional<String> unschedulable(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) return Optional.empty();
        for (PodCondition condition : pod.getStatus().getConditions()) {
            if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())
                    && "Unschedulable".equals(condition.getReason())) {
                return Optional.of("the master pod " + pod.getMetadata().getName() + " cannot be scheduled: "
                        + condition.getMessage());
            }
        }
        return Optional.empty();
    }

    /** How the master exited, when its pod is done; empty while it runs. */
    public static Optional<String> exited(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if (!"Succeeded".equals(phase) && !"Failed".equals(phase)) return Optional.empty();
        for (ContainerStatus container : containers(pod)) {
            ContainerStateTerminated terminated = container.getState() == null ? null
                    : container.getState().getTerminated();
            if (terminated != null) {
                return Optional.of("the master exited with code " + terminated.getExitCode()
                        + (terminated.getReason() == null ? "" : " (" + terminated.getReason() + ")"));
            }
        }
        return Optional.of("the master pod " + pod.getMetadata().getName() + " ended (" + phase + ")");
    }

    private static java.util.List<ContainerStatus> containers(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) return java.util.List.of();
        return pod.getStatus().getContainerStatuses();
    }
}
