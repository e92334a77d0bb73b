package io.stampede.runner.doc;

/** A JSON document that does not have the shape its record needs; the message starts with the field's path. */
public final class DocumentException extends IllegalArgumentException {

    public DocumentException(String message) {
        super(message);
    }
}
