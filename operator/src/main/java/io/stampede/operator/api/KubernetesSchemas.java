package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.List;
import java.util.Map;

/**
 * Schema-only mirrors of the Kubernetes types a LoadTest embeds, carrying the descriptions {@code kubectl explain}
 * shows (Fabric8's model classes carry none). The CRD generator reads them through {@code @SchemaFrom}; Jackson
 * still reads the fields into Fabric8's own types. Each mirror has exactly the fields of its Kubernetes type, so the
 * schema is unchanged apart from its text.
 */
final class KubernetesSchemas {

    private KubernetesSchemas() {
    }

    /**
     * A Kubernetes object kept as written (with {@code @PreserveUnknownFields}): for large types such as Affinity,
     * whose hundred fields the API server checks when it creates the pod; the field's description says which type.
     */
    static final class Opaque {
    }

    static final class EnvVar {
        @JsonPropertyDescription("Name of the environment variable, as a fromEnv variable names it.")
        public String name;
        @JsonPropertyDescription("Not allowed here: values come from Secrets or ConfigMaps (valueFrom).")
        public String value;
        @JsonPropertyDescription("Where the value comes from: secretKeyRef, configMapKeyRef, fieldRef or resourceFieldRef.")
        public EnvVarSource valueFrom;
    }

    static final class EnvVarSource {
        @JsonPropertyDescription("A key of a ConfigMap in the LoadTest's namespace.")
        public KeySelector configMapKeyRef;
        @JsonPropertyDescription("A field of the pod, such as metadata.name or status.podIP.")
        public FieldSelector fieldRef;
        @JsonPropertyDescription("A resource of the container, such as limits.cpu.")
        public ResourceFieldSelector resourceFieldRef;
        @JsonPropertyDescription("A key of a Secret in the LoadTest's namespace.")
        public KeySelector secretKeyRef;
    }

    static final class KeySelector {
        @JsonPropertyDescription("The key to read.")
        public String key;
        @JsonPropertyDescription("Name of the Secret or ConfigMap.")
        public String name;
        @JsonPropertyDescription("true: a missing object or key leaves the variable unset instead of failing the pod.")
        public Boolean optional;
    }

    static final class FieldSelector {
        @JsonPropertyDescription("Version of the schema fieldPath is written in (default v1).")
        public String apiVersion;
        @JsonPropertyDescription("Path of the field, such as metadata.name.")
        public String fieldPath;
    }

    static final class ResourceFieldSelector {
        @JsonPropertyDescription("Container whose resource is read (default: this one).")
        public String containerName;
        @JsonPropertyDescription("Unit the value is divided by, such as 1m (default 1).")
        public Quantity divisor;
        @JsonPropertyDescription("The resource, such as limits.cpu or requests.memory.")
        public String resource;
    }

    static final class ResourceRequirements {
        @JsonPropertyDescription("Dynamic resource claims of the pod this container uses (DRA).")
        public List<ResourceClaim> claims;
        @JsonPropertyDescription("Most a container may use, such as {cpu: \"2\", memory: 1Gi}.")
        public Map<String, Quantity> limits;
        @JsonPropertyDescription("What the scheduler reserves for a container, such as {cpu: 500m, memory: 512Mi}.")
        public Map<String, Quantity> requests;
    }

    static final class ResourceClaim {
        @JsonPropertyDescription("Name of an entry of the pod's resourceClaims.")
        public String name;
        @JsonPropertyDescription("A request of that claim, when only part of it is used.")
        public String request;
    }

    static final class Toleration {
        @JsonPropertyDescription("Taint effect tolerated: NoSchedule, PreferNoSchedule or NoExecute (empty: all).")
        public String effect;
        @JsonPropertyDescription("Taint key tolerated (empty with operator Exists: every taint).")
        public String key;
        @JsonPropertyDescription("Exists or Equal (default Equal).")
        public String operator;
        @JsonPropertyDescription("With NoExecute: seconds the pod stays after the taint appears (default: forever).")
        public Long tolerationSeconds;
        @JsonPropertyDescription("Taint value matched with operator Equal.")
        public String value;
    }

    static final class LocalObjectReference {
        @JsonPropertyDescription("Name of a Secret of type kubernetes.io/dockerconfigjson in the LoadTest's namespace.")
        public String name;
    }

    static final class EnvFromSource {
        @JsonPropertyDescription("Required here: put before every imported name, so that imported names never reach the JVM's, the linker's or the runner's own variables (an identifier such as APP_).")
        public String prefix;
        @JsonPropertyDescription("A ConfigMap whose keys become variables.")
        public ObjectReference configMapRef;
        @JsonPropertyDescription("A Secret whose keys become variables.")
        public ObjectReference secretRef;
    }

    static final class ObjectReference {
        @JsonPropertyDescription("Name of the Secret or ConfigMap in the LoadTest's namespace.")
        public String name;
        @JsonPropertyDescription("true: a missing object leaves the variables unset instead of failing the pod.")
        public Boolean optional;
    }

    /**
     * A pod volume of the kinds the restricted Pod Security Standard allows; each source is kept as written
     * (kubectl explain pod.spec.volumes) and checked by the API server.
     */
    static final class Volume {
        @JsonPropertyDescription("Name of the volume, referenced by volumeMounts; not token, tmp or test (the operator's own).")
        public String name;
        @JsonPropertyDescription("A ConfigMap's keys as files (kubectl explain pod.spec.volumes.configMap).")
        @PreserveUnknownFields
        public Opaque configMap;
        @JsonPropertyDescription("A Secret's keys as files (kubectl explain pod.spec.volumes.secret).")
        @PreserveUnknownFields
        public Opaque secret;
        @JsonPropertyDescription("A scratch directory for the pod's life (kubectl explain pod.spec.volumes.emptyDir).")
        @PreserveUnknownFields
        public Opaque emptyDir;
        @JsonPropertyDescription("A PersistentVolumeClaim of the namespace (kubectl explain pod.spec.volumes.persistentVolumeClaim).")
        @PreserveUnknownFields
        public Opaque persistentVolumeClaim;
        @JsonPropertyDescription("Several sources in one directory (kubectl explain pod.spec.volumes.projected).")
        @PreserveUnknownFields
        public Opaque projected;
        @JsonPropertyDescription("Pod fields as files (kubectl explain pod.spec.volumes.downwardAPI).")
        @PreserveUnknownFields
        public Opaque downwardAPI;
        @JsonPropertyDescription("A CSI driver's ephemeral volume (kubectl explain pod.spec.volumes.csi).")
        @PreserveUnknownFields
        public Opaque csi;
        @JsonPropertyDescription("A claim made for the pod and deleted with it (kubectl explain pod.spec.volumes.ephemeral).")
        @PreserveUnknownFields
        public Opaque ephemeral;
    }

    static final class VolumeMount {
        @JsonPropertyDescription("Name of a volume of this list's volumes.")
        public String name;
        @JsonPropertyDescription("Where the volume appears in the runner container; not under /etc/stampede, /var/run/stampede or /tmp.")
        public String mountPath;
        @JsonPropertyDescription("true: mounted read-only.")
        public Boolean readOnly;
        @JsonPropertyDescription("A path inside the volume to mount instead of its root.")
        public String subPath;
        @JsonPropertyDescription("Like subPath, with $(VAR) expanded from the container's environment.")
        public String subPathExpr;
        @JsonPropertyDescription("None (default), HostToContainer or Bidirectional.")
        public String mountPropagation;
        @JsonPropertyDescription("Disabled, IfPossible or Enabled: read-only submounts too.")
        public String recursiveReadOnly;
    }

    static final class TopologySpreadConstraint {
        @JsonPropertyDescription("How uneven the pods may be spread between topology domains (at least 1).")
        public Integer maxSkew;
        @JsonPropertyDescription("Node label whose values are the domains, such as topology.kubernetes.io/zone or kubernetes.io/hostname.")
        public String topologyKey;
        @JsonPropertyDescription("DoNotSchedule or ScheduleAnyway.")
        public String whenUnsatisfiable;
        @JsonPropertyDescription("Pods counted (kubectl explain pod.spec.topologySpreadConstraints.labelSelector), e.g. matchLabels stampede.io/run.")
        @PreserveUnknownFields
        public Opaque labelSelector;
        @JsonPropertyDescription("With DoNotSchedule: the fewest domains counted as eligible.")
        public Integer minDomains;
        @JsonPropertyDescription("Honor or Ignore the pod's nodeAffinity when counting domains.")
        public String nodeAffinityPolicy;
        @JsonPropertyDescription("Honor or Ignore node taints when counting domains.")
        public String nodeTaintsPolicy;
        @JsonPropertyDescription("Pod label keys whose values (from this pod) narrow the pods counted, such as stampede.io/run.")
        public java.util.List<String> matchLabelKeys;
    }
}
