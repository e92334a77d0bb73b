package io.stampede.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Kubernetes objects of one rendering (or of a manifest file), in document order; empty documents dropped. */
final class RenderedChart {

    static final ObjectMapper YAML = new YAMLMapper();

    private final List<JsonNode> objects;

    RenderedChart(String multiDocumentYaml) {
        this.objects = parse(multiDocumentYaml);
    }

    static List<JsonNode> parse(String multiDocumentYaml) {
        List<JsonNode> parsed = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(multiDocumentYaml)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.isObject() && !document.isEmpty()) parsed.add(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(parsed);
    }

    List<JsonNode> objects() {
        return objects;
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    /** The only object of {@code kind}; fails the test when there are none or several. */
    JsonNode one(String kind) {
        List<JsonNode> found = ofKind(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size() + " in " + kinds());
        }
        return found.get(0);
    }

    List<String> kinds() {
        return objects.stream().map(o -> o.path("kind").asText()).toList();
    }

    /** The operator's container in the Deployment. */
    JsonNode operatorContainer() {
        return one("Deployment").at("/spec/template/spec/containers/0");
    }

    /** The operator container's env as name -> value (valueFrom entries map to null). */
    Map<String, String> operatorEnv() {
        var env = new LinkedHashMap<String, String>();
        for (JsonNode entry : operatorContainer().path("env")) {
            env.put(entry.path("name").asText(), entry.has("value") ? entry.path("value").asText() : null);
        }
        return env;
    }
}
