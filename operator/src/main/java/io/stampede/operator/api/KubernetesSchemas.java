package io.stampede.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
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
}
