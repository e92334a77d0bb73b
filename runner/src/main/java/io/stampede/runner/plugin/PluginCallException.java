package io.stampede.runner.plugin;

/**
 * A plugin threw while the engine called it on an event loop: the request (or check) fails with this message,
 * {@code plugin NAME: <message>}, as its cause. The plugin's own exception is not kept: a cause is counted, and a
 * stack trace is never printed for it.
 */
public final class PluginCallException extends RuntimeException {

    /** Causes are the keys of failure counts: a long message is cut, and line breaks become spaces. */
    static final int MAX_MESSAGE_CHARS = 200;

    public PluginCallException(String extension, Throwable thrown) {
        super(cause(extension, thrown), null, false, false);
    }

    /** {@code plugin NAME: <message>} for what a plugin threw (its class name when it gave no message). */
    public static String cause(String extension, Throwable thrown) {
        String message = thrown.getMessage();
        if (message == null || message.isBlank()) {
            message = thrown.getClass().getSimpleName();
        }
        message = message.replace('\r', ' ').replace('\n', ' ');
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + "...";
        }
        return "plugin " + extension + ": " + message;
    }
}
