package io.stampede.runner.scenario;

import java.util.List;

/**
 * A multipart/form-data body (RFC 7578), ready to render: text fields are templates, files were read when the
 * LoadTest was loaded. Immutable (file bytes are never modified after loading) and shared by every user.
 *
 * @param boundary the delimiter, chosen so that no file holds it
 * @param parts    at least one, in the order written
 */
public record MultipartPlan(String boundary, List<Part> parts) {

    public MultipartPlan {
        parts = List.copyOf(parts);
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public boolean isConstant() {
        return parts.stream().allMatch(p -> !(p instanceof Field field) || field.value().isConstant());
    }

    public sealed interface Part {
        String name();
    }

    /** A text field, sent as UTF-8. */
    public record Field(String name, Template value) implements Part {
    }

    /**
     * A file, sent as its bytes.
     *
     * @param bytes the file's content; callers must not modify it
     */
    public record FilePart(String name, String filename, String contentType, byte[] bytes) implements Part {
    }
}
