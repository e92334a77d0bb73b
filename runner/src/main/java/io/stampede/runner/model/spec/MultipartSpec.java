package io.stampede.runner.model.spec;

import java.util.List;

/**
 * A {@code multipart:} body as written: its parts in document order.
 *
 * @param parts at least one part; names are unique
 */
public record MultipartSpec(List<Part> parts) {

    public MultipartSpec {
        parts = List.copyOf(parts);
    }

    /** One part of a multipart/form-data body. */
    public sealed interface Part {
        String name();
    }

    /** A text field; {@code value} is a template. */
    public record Field(String name, String value) implements Part {
    }

    /**
     * A file read from disk when the file is loaded.
     *
     * @param file        the path as written, relative to the LoadTest file unless absolute
     * @param contentType the part's Content-Type, or null for application/octet-stream
     * @param filename    the filename sent, or null for the file's own name
     */
    public record FilePart(String name, String file, String contentType, String filename) implements Part {
    }
}
