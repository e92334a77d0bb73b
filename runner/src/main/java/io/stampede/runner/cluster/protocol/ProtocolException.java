package io.stampede.runner.cluster.protocol;

/** A frame that is not a message of this protocol version; the receiver closes the channel. */
public final class ProtocolException extends Exception {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
