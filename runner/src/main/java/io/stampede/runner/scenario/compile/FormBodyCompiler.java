package io.stampede.runner.scenario.compile;

import io.stampede.runner.model.FieldNames;
import io.stampede.runner.model.Problems;
import io.stampede.runner.model.spec.MultipartSpec;
import io.stampede.runner.scenario.MultipartPlan;
import io.stampede.runner.scenario.Template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles {@code form:} and {@code multipart:} bodies: values are templates (as any text of a request); a
 * multipart file is read now, through {@link Attachments}, so a missing file is a load-time error with its field
 * path and nothing is sent.
 */
final class FormBodyCompiler {

    static final String FORM = "application/x-www-form-urlencoded";
    private static final String OCTET_STREAM = "application/octet-stream";

    private final TemplateFields templates;
    private final Attachments attachments;
    private final Problems problems;

    FormBodyCompiler(TemplateFields templates, Attachments attachments, Problems problems) {
        this.templates = templates;
        this.attachments = attachments;
        this.problems = problems;
    }

    /** The form's template, or null when a value did not compile (reported). */
    Template form(Map<String, String> form, String formPath) {
        List<FormTemplate.Field> fields = new ArrayList<>();
        StringBuilder source = new StringBuilder();
        boolean ok = true;
        for (Map.Entry<String, String> field : form.entrySet()) {
            Template value = templates.compile(field.getValue(), FieldNames.child(formPath, field.getKey()));
            if (value == null) {
                ok = false;
                continue;
            }
            fields.add(new FormTemplate.Field(FormTemplate.encode(field.getKey()), value));
            if (!source.isEmpty()) source.append('&');
            source.append(field.getKey()).append('=').append(field.getValue());
        }
        return ok ? new FormTemplate(fields, source.toString()) : null;
    }

    /** The multipart body, or null when a value did not compile or a file could not be read (reported). */
    MultipartPlan multipart(MultipartSpec spec, String multipartPath) {
        List<MultipartPlan.Part> parts = new ArrayList<>();
        boolean ok = true;
        for (MultipartSpec.Part part : spec.parts()) {
            String partPath = FieldNames.child(multipartPath, part.name());
            if (part instanceof MultipartSpec.Field field) {
                Template value = templates.compile(field.value(), partPath);
                if (value == null) ok = false;
                else parts.add(new MultipartPlan.Field(field.name(), value));
            } else if (part instanceof MultipartSpec.FilePart file) {
                byte[] bytes;
                try {
                    bytes = attachments.read(file.file());
                } catch (IOException e) {
                    problems.add(partPath + ".file", "cannot read the file to upload: " + e.getMessage());
                    ok = false;
                    continue;
                }
                String filename = file.filename() != null ? file.filename() : fileName(file.file());
                parts.add(new MultipartPlan.FilePart(file.name(), filename,
                        file.contentType() != null ? file.contentType() : OCTET_STREAM, bytes));
            }
        }
        return ok ? new MultipartPlan(boundary(parts), parts) : null;
    }

    private static String fileName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString().replace("\"", "");
    }

    /** A boundary no file contains (RFC 2046 5.1.1: it must not occur in the enclosed parts). */
    private static String boundary(List<MultipartPlan.Part> parts) {
        for (int attempt = 0; ; attempt++) {
            String boundary = "stampede-boundary-7MA4YWxkTrZu0gW" + (attempt == 0 ? "" : "-" + attempt);
            byte[] needle = boundary.getBytes(StandardCharsets.US_ASCII);
            boolean found = parts.stream().anyMatch(p -> p instanceof MultipartPlan.FilePart f
                    && indexOf(f.bytes(), needle) >= 0);
            if (!found) return boundary;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
