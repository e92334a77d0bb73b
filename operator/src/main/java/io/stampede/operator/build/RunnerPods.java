package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * What master and worker pods share: the runner image and its settings from the spec, the restricted Pod Security
 * Standard (non-root, read-only root filesystem, no capabilities, RuntimeDefault seccomp, no privilege escalation),
 * the token and a writable /tmp. The pods do not call the Kubernetes API, so no service account token is mounted.
 */
public final class RunnerPods {

    /** The runner image's user (see runner/Dockerfile). */
    public static final long RUNNER_UID = 10001;
    public static final int MASTER_PORT = 5557;
    public static final String PORT_NAME = "http";
    public static final String TOKEN_DIR = "/var/run/stampede/token";
    public static final String TOKEN_KEY = "token";
    public static final String TOKEN_FILE = TOKEN_DIR + "/" + TOKEN_KEY;
    public static final String TEST_DIR = "/etc/stampede";
    public static final String TEST_FILE = TEST_DIR + "/" + TestDocument.FILE_NAME;

    private static final String TOKEN_VOLUME = "token";
    private static final String TMP_VOLUME = "tmp";

    private RunnerPods() {
    }

    public static String image(LoadTest loadTest, RunnerDefaults defaults) {
        String image = loadTest.getSpec().getImage();
        return image == null || image.isBlank() ? defaults.image() : image;
    }

    /** A runner container with the spec's env and resources, the token and /tmp mounted; the caller adds the rest. */
    public static ContainerBuilder container(PodShape.Role role, LoadTest loadTest, RunnerDefaults defaults,
                                             List<String> args, List<EnvVar> extraEnv) {
        LoadTestSpec spec = loadTest.getSpec();
        List<EnvVar> env = new ArrayList<>(extraEnv);
        if (spec.getEnv() != null) env.addAll(spec.getEnv());
        return new ContainerBuilder()
                .withName(role.containerName())
                .withImage(image(loadTest, defaults))
                .withArgs(args)
                .withEnv(env)
                .withResources(PodShape.resources(loadTest, role))
                .withSecurityContext(containerSecurity())
                .withEnvFrom(PodShape.envFrom(loadTest, role))
                .addToVolumeMounts(mount(TOKEN_VOLUME, TOKEN_DIR), mount(TMP_VOLUME, "/tmp"))
                .addAllToVolumeMounts(PodShape.volumeMounts(loadTest, role));
    }

    /**
     * The pod around runner containers: scheduling settings from the spec, the role's priority class, the
     * restricted security profile (with the role's ids when given).
     */
    public static PodSpecBuilder podSpec(PodShape.Role role, LoadTest loadTest, RunNames names, Container container) {
        LoadTestSpec spec = loadTest.getSpec();
        return new PodSpecBuilder()
                .withContainers(container)
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withServiceAccountName(spec.getServiceAccountName())
                .withNodeSelector(spec.getNodeSelector())
                .withTolerations(spec.getTolerations())
                .withAffinity(spec.getAffinity())
                .withImagePullSecrets(spec.getImagePullSecrets())
                .withPriorityClassName(PodShape.priorityClassName(loadTest, role))
                .withSecurityContext(PodShape.podSecurity(loadTest, role))
                .withTopologySpreadConstraints(PodShape.topologySpreadConstraints(loadTest, role))
                .addToVolumes(tokenVolume(names), tmpVolume())
                .addAllToVolumes(PodShape.volumes(loadTest, role));
    }

    public static SecurityContext containerSecurity() {
        return new SecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .build();
    }

    private static Volume tokenVolume(RunNames names) {
        return new VolumeBuilder().withName(TOKEN_VOLUME)
                .withNewSecret().withSecretName(names.workerToken()).withDefaultMode(0440).endSecret()
                .build();
    }

    private static Volume tmpVolume() {
        return new VolumeBuilder().withName(TMP_VOLUME)
                .withNewEmptyDir().withSizeLimit(new Quantity("256Mi")).endEmptyDir()
                .build();
    }

    static VolumeMount mount(String volume, String path) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(!"/tmp".equals(path)).build();
    }

    /** Kubernetes' duration for a flag: whole seconds, such as 300s. */
    static String seconds(java.time.Duration duration) {
        return Math.max(1, duration.toSeconds()) + "s";
    }
}
