package io.stampede.runner.model;

import io.stampede.runner.model.spec.DefaultsSpec;
import io.stampede.runner.model.spec.MultipartSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a request's {@code form:} and {@code multipart:} bodies and the {@code followRedirects} counts (a
 * request's and spec.defaults'). A request has one body: json, body, form and multipart exclude each other.
 */
final class BodyBinder {

    /** The request fields that carry a body, in the order their conflicts are reported. */
    static final List<String> BODY_FIELDS = List.of("json", "body", "form", "multipart");
    private static final List<String> FILE_FIELDS = List.of("file", "contentType", "filename");

    private BodyBinder() {
    }

    /** Reports every body field after the first one written (a request has one body). */
    static void checkOneBody(Node request) {
        String first = null;
        for (String field : BODY_FIELDS) {
            if (!request.has(field)) continue;
            if (first == null) {
                first = field;
            } else {
                request.field(field).problem("cannot be combined with " + first + ": a request has one body");
            }
        }
    }

    /** {@code form: {user: "${email}", pw: secret}}: field names to value templates, or null when absent. */
    static Map<String, String> form(Node node) {
        if (!node.present()) return null;
        if (!node.json().isObject()) {
            node.problem("expected a map of form fields such as {user: \"${email}\", password: \"${password}\"}, got "
                    + Node.describe(node.json()));
            return null;
        }
        Map<String, String> form = new LinkedHashMap<>();
        node.entries().forEach((name, value) -> {
            String text = value.scalarText();
            if (text != null) form.put(name, text);
        });
        if (form.isEmpty() && node.json().isEmpty()) node.problem("expected at least one form field, got an empty map");
        return form;
    }

    /**
     * {@code multipart: {title: "x", avatar: {file: photo.jpg, contentType: image/jpeg}}}: a text value is a field,
     * a map with {@code file} is a file part. Null when absent.
     */
    static MultipartSpec multipart(Node node) {
        if (!node.present()) return null;
        if (!node.json().isObject()) {
            node.problem("expected a map of parts such as {title: \"a\", upload: {file: data.csv}}, got "
                    + Node.describe(node.json()));
            return null;
        }
        List<MultipartSpec.Part> parts = new ArrayList<>();
        node.entries().forEach((name, value) -> {
            if (value.json().isObject()) {
                MultipartSpec.FilePart file = filePart(name, value);
                if (file != null) parts.add(file);
            } else {
                String text = value.scalarText();
                if (text != null) parts.add(new MultipartSpec.Field(name, text));
            }
        });
        if (node.json().isEmpty()) node.problem("expected at least one part, got an empty map");
        return new MultipartSpec(parts);
    }

    private static MultipartSpec.FilePart filePart(String name, Node part) {
        if (!part.checkFields(FILE_FIELDS)) return null;
        Node fileNode = part.field("file");
        if (!fileNode.required("the path of the file to upload, relative to the LoadTest file")) return null;
        String file = fileNode.string();
        if (file != null && file.isBlank()) {
            fileNode.problem("expected the path of a file, got an empty text");
            return null;
        }
        String contentType = part.field("contentType").string();
        if (contentType != null && WireText.headerValueProblem(contentType) != null) {
            part.field("contentType").problem("a Content-Type cannot hold control characters");
            return null;
        }
        String filename = part.field("filename").string();
        if (filename != null && (filename.contains("\"") || WireText.headerValueProblem(filename) != null)) {
            part.field("filename").problem("a filename cannot hold quotes or control characters");
            return null;
        }
        return file == null ? null : new MultipartSpec.FilePart(name, file, contentType, filename);
    }

    /** A followRedirects count, 0..{@link DefaultsSpec#MAX_FOLLOW_REDIRECTS}, or null when absent or wrong. */
    static Integer followRedirects(Node node) {
        if (!node.present()) return null;
        if (!node.json().isIntegralNumber()) {
            node.problem("expected how many redirects to follow, an integer 0.." + DefaultsSpec.MAX_FOLLOW_REDIRECTS
                    + " (0 = never), got " + Node.describe(node.json()));
            return null;
        }
        Integer count = node.integer();
        if (count != null && (count < 0 || count > DefaultsSpec.MAX_FOLLOW_REDIRECTS)) {
            node.problem("expected how many redirects to follow, an integer 0.." + DefaultsSpec.MAX_FOLLOW_REDIRECTS
                    + " (0 = never), got " + count);
            return null;
        }
        return count;
    }
}
