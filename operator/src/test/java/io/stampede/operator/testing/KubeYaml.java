package io.stampede.operator.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.Map;

/**
 * Kubernetes objects as the API server receives them, for comparing a built object with an expected one: the
 * object's JSON (nulls and empty lists left out, as Fabric8 sends it) as YAML with every map's keys sorted, so a
 * failing comparison shows a line-by-line difference and the order of labels does not count.
 */
public final class KubeYaml {

    private static final KubernetesSerialization KUBE = new KubernetesSerialization();
    private static final YAMLMapper SORTED = (YAMLMapper) new YAMLMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private KubeYaml() {
    }

    public static String canonical(Object kubernetesObject) {
        try {
            Map<?, ?> tree = SORTED.readValue(KUBE.asJson(kubernetesObject), Map.class);
            return SORTED.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Fabric8 writes JSON that Jackson reads", e);
        }
    }

    /** A Kubernetes object written as YAML, such as an expected Pod. */
    public static <T> T parse(String yaml, Class<T> type) {
        return KUBE.unmarshal(yaml, type);
    }
}
