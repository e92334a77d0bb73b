package io.stampede.operator.build;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.stampede.operator.api.LoadTest;

/**
 * The LoadTest as the runner reads it: {@code apiVersion}, {@code kind}, {@code metadata.name} and the spec, in
 * the form {@code stampede run} takes on a laptop. The operator validates this document with the runner's own
 * validator and hands exactly this text to the master, so what was checked is what runs.
 */
public final class TestDocument {

    /** The file name inside the test ConfigMap and the master's mount. */
    public static final String FILE_NAME = "loadtest.yaml";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    private static final YAMLMapper YAML = new YAMLMapper();

    private TestDocument() {
    }

    public static ObjectNode tree(LoadTest loadTest) {
        ObjectNode root = JSON.createObjectNode();
        root.put("apiVersion", LoadTest.API_VERSION);
        root.put("kind", LoadTest.KIND);
        root.putObject("metadata").put("name", loadTest.getMetadata().getName());
        root.set("spec", loadTest.getSpec() == null ? JSON.createObjectNode() : JSON.valueToTree(loadTest.getSpec()));
        return root;
    }

    public static String yaml(LoadTest loadTest) {
        try {
            return YAML.writeValueAsString(tree(loadTest));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes as YAML", e);
        }
    }
}
