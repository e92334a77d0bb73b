package io.stampede.operator.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.stampede.operator.api.LoadTestSpec;
import io.stampede.operator.api.RunnerPodSpec;
import io.stampede.runner.model.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What spec.master and spec.workerPods may add to the runner pods beyond labels and resources, checked before a run
 * starts, so that the restricted Pod Security Standard and the operator's own wiring stay whatever they say:
 * <ul>
 *   <li>envFrom: each source has a prefix that can never make a reserved name ({@link EnvPolicy}): imported keys are
 *       not known until the pod starts, so the prefix is what keeps JAVA_TOOL_OPTIONS or LD_PRELOAD out;</li>
 *   <li>volumes: only the kinds restricted PSS allows ({@link #ALLOWED_VOLUME_KINDS}), names unique and not the
 *       operator's own ({@link #OPERATOR_VOLUMES});</li>
 *   <li>volumeMounts: of these volumes only, never at or under the operator's paths ({@link #OPERATOR_PATHS}).</li>
 * </ul>
 * A pure function of the spec; problems carry the field path ({@code spec.workerPods.volumes[0]}).
 */
public final class PodShapePolicy {

    /** The volume sources the restricted Pod Security Standard allows. */
    static final Set<String> ALLOWED_VOLUME_KINDS = Set.of("configMap", "secret", "emptyDir", "persistentVolumeClaim",
            "projected", "downwardAPI", "csi", "ephemeral");
    /** Volumes the operator adds to runner pods (build/RunnerPods, build/MasterPodBuilder). */
    static final Set<String> OPERATOR_VOLUMES = Set.of("token", "tmp", "test");
    /** Where the operator mounts its volumes: the token, the test file and the JVM's scratch directory. */
    static final List<String> OPERATOR_PATHS = List.of("/var/run/stampede", "/etc/stampede", "/tmp");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PodShapePolicy() {
    }

    /** @return one problem per refused entry of spec.master and spec.workerPods; empty when all are allowed */
    public static List<Problem> problems(LoadTestSpec spec) {
        List<Problem> problems = new ArrayList<>();
        check("spec.master", spec.getMaster(), problems);
        check("spec.workerPods", spec.getWorkerPods(), problems);
        return problems;
    }

    private static void check(String path, RunnerPodSpec shape, List<Problem> problems) {
        if (shape == null) return;
        List<EnvFromSource> envFrom = shape.getEnvFrom() == null ? List.of() : shape.getEnvFrom();
        for (int i = 0; i < envFrom.size(); i++) {
            String prefix = envFrom.get(i).getPrefix();
            if (prefix == null || prefix.isEmpty()) {
                problems.add(new Problem(path + ".envFrom[" + i + "].prefix", "required: the imported names are not "
                        + "known before the pod starts, and a prefix (such as APP_) keeps them away from the JVM's, "
                        + "the dynamic linker's and the runner's own variables"));
            } else if (canMakeReservedName(prefix)) {
                problems.add(new Problem(path + ".envFrom[" + i + "].prefix", prefix + " can begin a variable that "
                        + "changes the JVM, the dynamic linker, name resolution or the runner's launcher; choose "
                        + "another, such as APP_"));
            }
        }
        Set<String> names = new HashSet<>();
        List<Volume> volumes = shape.getVolumes() == null ? List.of() : shape.getVolumes();
        for (int i = 0; i < volumes.size(); i++) {
            String at = path + ".volumes[" + i + "]";
            String name = volumes.get(i).getName();
            if (name == null || name.isBlank()) {
                problems.add(new Problem(at + ".name", "required"));
            } else if (OPERATOR_VOLUMES.contains(name)) {
                problems.add(new Problem(at + ".name", name + " is the operator's own volume; choose another name"));
            } else if (!names.add(name)) {
                problems.add(new Problem(at + ".name", name + " is the name of an earlier volume"));
            }
            List<String> kinds = kinds(volumes.get(i));
            for (String kind : kinds) {
                if (!ALLOWED_VOLUME_KINDS.contains(kind)) {
                    problems.add(new Problem(at + "." + kind, kind + " volumes are not allowed by the restricted Pod "
                            + "Security Standard; allowed: " + String.join(", ", ALLOWED_VOLUME_KINDS.stream().sorted().toList())));
                }
            }
            if (kinds.size() != 1) {
                problems.add(new Problem(at, "needs exactly one source (such as configMap or emptyDir), has "
                        + kinds.size()));
            }
        }
        List<VolumeMount> mounts = shape.getVolumeMounts() == null ? List.of() : shape.getVolumeMounts();
        for (int i = 0; i < mounts.size(); i++) {
            String at = path + ".volumeMounts[" + i + "]";
            VolumeMount mount = mounts.get(i);
            if (mount.getName() == null || !names.contains(mount.getName())) {
                problems.add(new Problem(at + ".name", mount.getName() + " is not a volume of " + path + ".volumes"));
            }
            String mountPath = mount.getMountPath();
            if (mountPath == null || !mountPath.startsWith("/")) {
                problems.add(new Problem(at + ".mountPath", "required, an absolute path"));
            } else if (overlapsOperatorPath(mountPath)) {
                problems.add(new Problem(at + ".mountPath", mountPath + " is at, under or over a path the operator "
                        + "mounts (" + String.join(", ", OPERATOR_PATHS) + ")"));
            }
        }
    }

    /** True when {@code prefix} + some key could be a name {@link EnvPolicy} refuses (compared without case). */
    static boolean canMakeReservedName(String prefix) {
        String upper = prefix.toUpperCase(Locale.ROOT);
        return EnvPolicy.RESERVED.stream().anyMatch(name -> name.startsWith(upper))
                || EnvPolicy.RESERVED_PREFIXES.stream().anyMatch(reserved -> reserved.startsWith(upper) || upper.startsWith(reserved));
    }

    private static boolean overlapsOperatorPath(String mountPath) {
        String path = mountPath.endsWith("/") && mountPath.length() > 1 ? mountPath.substring(0, mountPath.length() - 1) : mountPath;
        return OPERATOR_PATHS.stream().anyMatch(own -> path.equals(own) || path.startsWith(own + "/")
                || own.startsWith(path.equals("/") ? "/" : path + "/"));
    }

    /** The source fields a volume sets (every field but its name), as written. */
    private static List<String> kinds(Volume volume) {
        JsonNode tree = JSON.valueToTree(volume);
        List<String> kinds = new ArrayList<>();
        for (Iterator<String> fields = tree.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!field.equals("name") && !tree.get(field).isNull()) kinds.add(field);
        }
        return kinds;
    }
}
