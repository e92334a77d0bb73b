package io.stampede.operator.e2e;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the kubelet and the Job controller on the Fabric8 mock API server, which runs no pods: every
 * 200 ms it starts the pods of one namespace as local processes of the runner jar ({@link PodProcess},
 * {@link PodRuntime}; a pod resolves the namespace's Services by name through a hosts file written when it starts),
 * creates the pods of a Deployment ({@code <deployment>-<i>-e2e}), writes their status back (Running with the pod's address, then Succeeded or Failed with the
 * container's exit code), creates one pod per index of an Indexed Job ({@code <job>-<index>-e2e}, with
 * {@code JOB_COMPLETION_INDEX}) and keeps the Job's counts, and kills the process of a pod that is deleted. Only
 * pods it started are ever killed. Close it to kill what is left.
 */
final class Kubelet implements AutoCloseable {

    private static final String INDEX_LABEL = "batch.kubernetes.io/job-completion-index";

    private final KubernetesClient client;
    private final String namespace;
    private final Path runnerJar;
    private final Path dir;
    private final PodRuntime runtime;
    private final Map<String, PodProcess> processes = new ConcurrentHashMap<>();
    private final Map<String, String> podIps = new ConcurrentHashMap<>();
    private final Map<String, Boolean> finished = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private static final AtomicInteger NEXT_IP = new AtomicInteger();
    private volatile Throwable failure;

    Kubelet(KubernetesClient client, String namespace, Path runnerJar, Path dir) {
        this.client = client;
        this.namespace = namespace;
        this.runnerJar = runnerJar;
        this.dir = dir;
        this.runtime = new PodRuntime(client, pod -> processes.containsKey(pod.getMetadata().getName())
                && !finished.containsKey(pod.getMetadata().getName()) ? podIps.get(pod.getMetadata().getName()) : null);
        loop.scheduleWithFixedDelay(this::tick, 0, 200, TimeUnit.MILLISECONDS);
    }

    /** The process of a pod, while the harness has one. */
    PodProcess process(String podName) {
        return processes.get(podName);
    }

    /** The address of the running pod behind a Service of the namespace, or null (cluster DNS's answer). */
    String serviceIp(String service) {
        return runtime.serviceIp(namespace, service);
    }

    /** What went wrong in the loop, if anything: a harness error, not the operator's. */
    Throwable failure() {
        return failure;
    }

    /** Every log so far, for a failing test's message. */
    String logs() {
        StringBuilder out = new StringBuilder();
        processes.forEach((name, process) -> out.append("==== ").append(name).append(" (exit ")
                .append(process.exitCode()).append(")\n").append(process.log()).append('\n'));
        return out.toString();
    }

    private void tick() {
        try {
            for (Deployment deployment : client.apps().deployments().inNamespace(namespace).list().getItems()) {
                deploymentController(deployment);
            }
            for (Job job : client.batch().v1().jobs().inNamespace(namespace).list().getItems()) jobController(job);
            List<Pod> pods = client.pods().inNamespace(namespace).list().getItems();
            for (Pod pod : pods) kubelet(pod);
            processes.forEach((name, process) -> {
                if (pods.stream().noneMatch(pod -> pod.getMetadata().getName().equals(name)) && process.alive()) {
                    process.kill(); // the pod was deleted
                }
            });
        } catch (Throwable e) {
            if (failure == null) failure = e;
        }
    }

    private void kubelet(Pod pod) throws Exception {
        String name = pod.getMetadata().getName();
        PodProcess process = processes.get(name);
        if (process == null) {
            String ip = "127.0." + (NEXT_IP.get() / 250 + 1) + "." + (NEXT_IP.getAndIncrement() % 250 + 2);
            Path podDir = Files.createDirectories(dir.resolve(name));
            var container = pod.getSpec().getContainers().get(0);
            PodRuntime.Prepared prepared = runtime.prepare(pod, container, ip, podDir);
            podIps.put(name, ip);
            Path hosts = Files.writeString(podDir.resolve("hosts"), runtime.hostsFile(namespace));
            processes.put(name, PodProcess.start(name, runnerJar, prepared.args(), prepared.env(), podDir, hosts));
            writeStatus(pod, "Running", ip, null);
        } else if (!process.alive() && !finished.containsKey(name)) {
            finished.put(name, true);
            writeStatus(pod, process.exitCode() == 0 ? "Succeeded" : "Failed", podIps.get(name), process.exitCode());
        }
    }

    private void writeStatus(Pod pod, String phase, String ip, Integer exitCode) {
        String now = Instant.now().toString();
        var state = exitCode == null
                ? new ContainerStateBuilder().withNewRunning().withStartedAt(now).endRunning().build()
                : new ContainerStateBuilder().withNewTerminated().withExitCode(exitCode)
                        .withReason(exitCode == 0 ? "Completed" : "Error").withFinishedAt(now).endTerminated().build();
        Pod update = new PodBuilder(pod).withStatus(new PodStatusBuilder().withPhase(phase).withPodIP(ip)
                .withStartTime(now)
                .withContainerStatuses(new ContainerStatusBuilder().withName(pod.getSpec().getContainers().get(0).getName())
                        .withReady(exitCode == null).withRestartCount(0).withState(state).build())
                .build()).build();
        client.pods().inNamespace(namespace).resource(update).updateStatus();
    }

    /** A Deployment's pods, {@code <deployment>-<i>-e2e} from its template (the ReplicaSet controller's part). */
    private void deploymentController(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        for (int i = 0; i < replicas; i++) {
            String podName = name + "-" + i + "-e2e";
            if (processes.containsKey(podName) || client.pods().inNamespace(namespace).withName(podName).get() != null) {
                continue;
            }
            var template = deployment.getSpec().getTemplate();
            client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(podName)
                    .withNamespace(namespace).withLabels(template.getMetadata().getLabels()).endMetadata()
                    .withSpec(template.getSpec()).build()).create();
        }
    }

    private void jobController(Job job) {
        String jobName = job.getMetadata().getName();
        int completions = job.getSpec().getCompletions() == null ? 1 : job.getSpec().getCompletions();
        List<Pod> pods = client.pods().inNamespace(namespace).withLabel("job-name", jobName).list().getItems();
        for (int index = 0; index < completions; index++) {
            String podName = jobName + "-" + index + "-e2e";
            if (processes.containsKey(podName) || pods.stream().anyMatch(p -> p.getMetadata().getName().equals(podName))) {
                continue;
            }
            var template = job.getSpec().getTemplate();
            Pod pod = new PodBuilder().withNewMetadata().withName(podName).withNamespace(namespace)
                    .withLabels(template.getMetadata().getLabels()).addToLabels("job-name", jobName)
                    .addToLabels(INDEX_LABEL, Integer.toString(index)).endMetadata()
                    .withSpec(template.getSpec()).build();
            pod.getSpec().getContainers().get(0).getEnv()
                    .add(new io.fabric8.kubernetes.api.model.EnvVar("JOB_COMPLETION_INDEX", Integer.toString(index), null));
            client.pods().inNamespace(namespace).resource(pod).create();
        }
        int active = 0;
        int succeeded = 0;
        int failed = 0;
        for (Pod pod : pods) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            if ("Succeeded".equals(phase)) succeeded++;
            else if ("Failed".equals(phase)) failed++;
            else active++;
        }
        var status = job.getStatus();
        boolean same = status != null && Integer.valueOf(active).equals(status.getActive())
                && Integer.valueOf(succeeded).equals(status.getSucceeded()) && Integer.valueOf(failed).equals(status.getFailed());
        if (!same) {
            job.setStatus(new JobStatusBuilder().withActive(active).withSucceeded(succeeded).withFailed(failed).build());
            client.batch().v1().jobs().inNamespace(namespace).resource(job).updateStatus();
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        processes.values().forEach(PodProcess::kill);
    }
}
