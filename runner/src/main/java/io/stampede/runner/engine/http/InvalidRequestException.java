package io.stampede.runner.engine.http;

/**
 * A request that cannot be sent as rendered: a value not legal where it goes (a line break in a header value, a
 * space in the path...). The message is the failure's cause, short and stable, and never quotes the value (it may
 * be a secret). Thrown by {@link RequestEncoder#encode} before any byte is sent.
 */
public final class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String cause) {
        super(cause, null, false, false);
    }
}
