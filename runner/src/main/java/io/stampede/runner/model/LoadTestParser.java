package io.stampede.runner.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.json.TreeReader;
import io.stampede.runner.json.YamlFactory;
import io.stampede.runner.model.spec.LoadTestDocument;
import io.stampede.runner.model.spec.LoadTestSpec;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a LoadTest file (YAML, or JSON for a {@code .json} file) into a {@link LoadTestDocument}, checking its
 * structure: field names, types, ranges and which fields go together. Every problem is collected, each with the
 * path of its field; nothing is returned unless the file is well formed. Meaning that needs more than one field
 * (templates, presets, thresholds, tags, the environment) is checked by the compiler.
 *
 * <p>Fields that configure pods in a cluster are accepted and ignored here, their contents unchecked: under
 * {@code spec}: {@code env, image, resources, nodeSelector, tolerations, affinity, imagePullSecrets,
 * serviceAccountName, ttlSecondsAfterFinished, master, workerPods}. At the top level {@code status} (written by the operator) is
 * ignored, and {@code metadata} may hold the usual Kubernetes object metadata, of which only {@code name} is read.
 * Any other unknown field is a problem. A YAML null counts as absent. Duplicate keys are a problem.
 *
 * <p>Thread safe: stateless.
 */
public final class LoadTestParser {

    /** The largest file read, in bytes (of UTF-8), and the largest text given to {@link #parse(String)}, in chars. */
    public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    /** The longest text value or key, in chars: a request body, say. */
    public static final int MAX_VALUE_CHARS = 2 * 1024 * 1024;

    /** Streaming parsers, read into trees by {@link TreeReader}: no ObjectMapper on the way to a run's start. */
    private static final JsonFactory YAML = YamlFactory.create(MAX_FILE_BYTES);
    /** JSON is mostly YAML, but not when indented with tabs, as much generated JSON is. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final List<String> TOP_FIELDS = List.of("apiVersion", "kind", "metadata", "spec");
    private static final List<String> TOP_IGNORED = List.of("status");
    private static final List<String> METADATA_FIELDS = List.of("name");
    private static final List<String> METADATA_IGNORED = List.of("namespace", "labels", "annotations",
            "generateName", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
            "deletionGracePeriodSeconds", "finalizers", "ownerReferences", "managedFields", "selfLink");
    /** Kubernetes object names: RFC 1123 subdomains. */
    private static final Pattern OBJECT_NAME =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private LoadTestParser() {
    }

    /**
     * Reads and binds a file: JSON when its name ends with {@code .json}, else YAML. An unreadable file is reported
     * as a problem at {@code (file)}.
     */
    public static LoadTestDocument parse(Path file) throws InvalidLoadTestException {
        return bind(document(file));
    }

    /** Parses YAML text (JSON without tabs is YAML too) holding one LoadTest document, and binds it. */
    public static LoadTestDocument parse(String text) throws InvalidLoadTestException {
        if (text.length() > MAX_FILE_BYTES) {
            throw single(tooLarge(text.length() + " characters"));
        }
        return bind(document(text, YAML, "YAML"));
    }

    private static String tooLarge(String size) {
        return "the file is " + size + "; the limit is " + MAX_FILE_BYTES / (1024 * 1024) + " MiB (" + MAX_FILE_BYTES
                + " bytes): keep large request bodies out of a LoadTest";
    }

    /**
     * The file's one document as a tree, not yet bound (as {@link #parse(Path)} reads it): what a master sends its
     * workers.
     */
    public static JsonNode document(Path file) throws InvalidLoadTestException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw single(tooLarge(size + " bytes"));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw single("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw single("cannot read " + file + ": " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw single(tooLarge(bytes.length + " bytes"));
        }
        String text = Utf8Text.decode(bytes);
        boolean json = file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".json");
        return json ? document(text, JSON, "JSON") : document(text, YAML, "YAML");
    }

    private static JsonNode document(String text, JsonFactory factory, String format)
            throws InvalidLoadTestException {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = factory.createParser(text)) {
            for (JsonNode document = TreeReader.next(parser, MAX_VALUE_CHARS); document != null;
                 document = TreeReader.next(parser, MAX_VALUE_CHARS)) {
                if (!document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (JsonProcessingException e) {
            throw single(syntaxMessage(format, e));
        } catch (ReaderException e) {
            throw single(Utf8Text.notAllowed(text, e.getPosition(), e.getCodePoint()));
        } catch (IOException | RuntimeException e) {
            throw single("not valid " + format + ": " + firstLine(e.getMessage()));
        }
        if (documents.isEmpty()) {
            throw single("the file holds no document; expected a LoadTest (apiVersion: "
                    + LoadTestDocument.API_VERSION + ", kind: " + LoadTestDocument.KIND + ")");
        }
        if (documents.size() > 1) {
            throw single("the file holds " + documents.size() + " documents; expected one LoadTest");
        }
        return documents.get(0);
    }

    /** Binds an already parsed tree, e.g. a custom resource read from the Kubernetes API. */
    public static LoadTestDocument bind(JsonNode root) throws InvalidLoadTestException {
        Problems problems = new Problems();
        Node document = new Node(root, "", problems);
        if (!document.present() || !document.json().isObject()) {
            throw single("expected a LoadTest document (a map with apiVersion, kind, metadata and spec), got "
                    + (document.present() ? Node.describe(root) : "nothing"));
        }
        document.checkFields(TOP_FIELDS, TOP_IGNORED);
        String apiVersion = constant(document.field("apiVersion"), LoadTestDocument.API_VERSION);
        String kind = constant(document.field("kind"), LoadTestDocument.KIND);
        String name = metadataName(document.field("metadata"));
        Node specNode = document.field("spec");
        LoadTestSpec spec = specNode.required("the test itself (target, load, userClasses...)") && specNode.isMap()
                ? SpecBinder.bind(specNode) : null;
        problems.throwIfAny();
        return new LoadTestDocument(apiVersion, kind, name, spec);
    }

    private static String constant(Node node, String expected) {
        if (!node.required("must be " + expected)) {
            return null;
        }
        String value = node.string();
        if (value != null && !value.equals(expected)) {
            node.problem("must be " + expected + ", got '" + value + "'");
        }
        return value;
    }

    private static String metadataName(Node metadata) {
        Node nameNode = metadata.field("name");
        if (metadata.present() && !metadata.checkFields(METADATA_FIELDS, METADATA_IGNORED)) {
            return null;
        }
        if (!nameNode.required("the test's name, such as shop-api")) {
            return null;
        }
        String name = nameNode.string();
        if (name != null && (name.length() > 253 || !OBJECT_NAME.matcher(name).matches())) {
            nameNode.problem("expected a Kubernetes name: lower-case letters, digits, '-' and '.', starting and "
                    + "ending with a letter or digit, such as shop-api; got '" + name + "'");
        }
        return name;
    }

    private static String syntaxMessage(String format, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            // SnakeYAML's first line is often the context ("while parsing a flow sequence"); the problem and its
            // position are what users need.
            Mark mark = yaml.getProblemMark();
            String problem = firstLine(yaml.getProblem());
            String hint = problem.endsWith("but got ?")
                    ? "; inside {...} quote text that holds '?', such as path: '/items?page=1'" : "";
            return "not valid YAML at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": "
                    + problem + hint;
        }
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "not valid " + format + where + ": " + firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private static InvalidLoadTestException single(String message) {
        return new InvalidLoadTestException(List.of(new Problem(Problem.FILE, message)));
    }
}
