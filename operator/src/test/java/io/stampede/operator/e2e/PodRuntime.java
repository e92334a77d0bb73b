package io.stampede.operator.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a container runtime and the pod network give a pod's process, done on one machine: its env with values from
 * Secrets, ConfigMaps and the downward API resolved; its Secret, ConfigMap and emptyDir volumes written into a
 * directory per pod, with the args' mount paths pointing there; {@code $(VAR)} in args expanded as Kubernetes does.
 * The network: each pod has its own loopback address (127.0.x.y) standing in for its network namespace, so
 * {@code 0.0.0.0:PORT} in an arg means that address, and a Service's name in a {@code HOST:PORT} arg resolves to the
 * address of the Running pod its selector picks (what cluster DNS and kube-proxy do), and so does a Service's name
 * that the process resolves itself, e.g. a LoadTest's target ({@link #hostsFile}).
 */
final class PodRuntime {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Pattern HOST_PORT = Pattern.compile("([a-z0-9][a-z0-9.-]*):([0-9]{1,5})");

    private final KubernetesClient client;
    private final Function<Pod, String> podIps;

    /** @param podIps the address of a pod the harness runs, or null when it has none (not running) */
    PodRuntime(KubernetesClient client, Function<Pod, String> podIps) {
        this.client = client;
        this.podIps = podIps;
    }

    record Prepared(List<String> args, Map<String, String> env) {
    }

    Prepared prepare(Pod pod, Container container, String podIp, Path podDir) throws IOException {
        String ns = pod.getMetadata().getNamespace();
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
            env.put(var.getName(), value(pod, var, podIp));
        }
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (VolumeMount mount : Objects.requireNonNullElse(container.getVolumeMounts(), List.<VolumeMount>of())) {
            Volume volume = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals(mount.getName()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no volume " + mount.getName()));
            mounts.put(mount.getMountPath(), materialise(ns, volume, podDir.resolve("volumes").resolve(volume.getName())));
        }
        List<String> args = new ArrayList<>();
        for (String arg : Objects.requireNonNullElse(container.getArgs(), List.<String>of())) {
            args.add(network(ns, podIp, paths(mounts, expand(arg, env))));
        }
        return new Prepared(args, env);
    }

    private String value(Pod pod, EnvVar var, String podIp) {
        if (var.getValueFrom() == null) return Objects.requireNonNullElse(var.getValue(), "");
        String ns = pod.getMetadata().getNamespace();
        var from = var.getValueFrom();
        if (from.getSecretKeyRef() != null) {
            Secret secret = client.secrets().inNamespace(ns).withName(from.getSecretKeyRef().getName()).get();
            return new String(Base64.getDecoder().decode(secret.getData().get(from.getSecretKeyRef().getKey())),
                    StandardCharsets.UTF_8);
        }
        if (from.getConfigMapKeyRef() != null) {
            ConfigMap map = client.configMaps().inNamespace(ns).withName(from.getConfigMapKeyRef().getName()).get();
            return map.getData().get(from.getConfigMapKeyRef().getKey());
        }
        if (from.getFieldRef() != null) {
            return switch (from.getFieldRef().getFieldPath()) {
                case "metadata.name" -> pod.getMetadata().getName();
                case "metadata.namespace" -> ns;
                case "status.podIP" -> podIp;
                default -> throw new IllegalStateException("fieldRef " + from.getFieldRef().getFieldPath());
            };
        }
        throw new IllegalStateException("env " + var.getName() + ": valueFrom not supported by the harness");
    }

    private Path materialise(String ns, Volume volume, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (volume.getSecret() != null) {
            Secret secret = client.secrets().inNamespace(ns).withName(volume.getSecret().getSecretName()).get();
            secret.getData().forEach((key, value) -> files.put(key, Base64.getDecoder().decode(value)));
        } else if (volume.getConfigMap() != null) {
            ConfigMap map = client.configMaps().inNamespace(ns).withName(volume.getConfigMap().getName()).get();
            map.getData().forEach((key, value) -> files.put(key, value.getBytes(StandardCharsets.UTF_8)));
        } else if (volume.getEmptyDir() == null) {
            throw new IllegalStateException("volume " + volume.getName() + ": kind not supported by the harness");
        }
        for (var file : files.entrySet()) Files.write(dir.resolve(file.getKey()), file.getValue());
        return dir;
    }

    private static String expand(String arg, Map<String, String> env) {
        Matcher matcher = VARIABLE.matcher(arg);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = env.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        return matcher.appendTail(out).toString();
    }

    private static String paths(Map<String, Path> mounts, String arg) {
        for (var mount : mounts.entrySet()) {
            if (arg.equals(mount.getKey())) return mount.getValue().toString();
            if (arg.startsWith(mount.getKey() + "/")) {
                return mount.getValue().resolve(arg.substring(mount.getKey().length() + 1)).toString();
            }
        }
        return arg;
    }

    private String network(String ns, String podIp, String arg) {
        Matcher matcher = HOST_PORT.matcher(arg);
        if (!matcher.matches()) return arg;
        String host = matcher.group(1);
        if (host.equals("0.0.0.0")) return podIp + ":" + matcher.group(2);
        String service = host.endsWith("." + ns + ".svc") ? host.substring(0, host.length() - ns.length() - 5) : host;
        String ip = serviceIp(ns, service);
        return ip == null ? arg : ip + ":" + matcher.group(2);
    }

    /**
     * A hosts file for a pod that starts now: localhost, and each Service of the namespace whose pod runs, by its
     * short, namespaced and cluster-local names. Services without a running pod are left out (they do not resolve).
     */
    String hostsFile(String ns) {
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n");
        for (Service service : client.services().inNamespace(ns).list().getItems()) {
            String name = service.getMetadata().getName();
            String ip = serviceIp(ns, name);
            if (ip != null) {
                hosts.append(ip).append(' ').append(name).append(' ').append(name).append('.').append(ns).append(".svc ")
                        .append(name).append('.').append(ns).append(".svc.cluster.local\n");
            }
        }
        return hosts.toString();
    }

    /** The address of the Running pod a Service selects, or null. */
    String serviceIp(String ns, String serviceName) {
        Service service = client.services().inNamespace(ns).withName(serviceName).get();
        if (service == null || service.getSpec().getSelector() == null) return null;
        return client.pods().inNamespace(ns).withLabels(service.getSpec().getSelector()).list().getItems().stream()
                .map(podIps).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
