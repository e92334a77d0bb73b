package io.stampede.runner.engine;

/** The run cannot start at all (the target's host does not resolve, TLS cannot be set up). */
public final class EngineStartException extends Exception {
    public EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
