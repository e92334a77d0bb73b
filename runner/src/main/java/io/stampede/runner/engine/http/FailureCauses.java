package io.stampede.runner.engine.http;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * Names a transport failure the way the failures table shows it: short and stable, so that equal causes group
 * into one row ({@code connection refused}, not a message with a port and a stack trace).
 */
public final class FailureCauses {

    public static final String CLOSED_BEFORE_RESPONSE = "connection closed before the response";
    public static final String INTERRUPTED = "interrupted: no response before stopTimeout";
    /** The generator's process had no file descriptor left for a new socket (EMFILE / ENFILE). */
    public static final String NO_FILE_DESCRIPTORS = "cannot open connection: too many open files";

    private FailureCauses() {
    }

    public static String of(Throwable error) {
        if (error == null) return "unknown error";
        for (Throwable c = error; c != null; c = c.getCause()) {
            // EMFILE (this process) or ENFILE (the whole system): "Too many open files [in system]".
            if (c.getMessage() != null && c.getMessage().toLowerCase(Locale.ROOT).contains("too many open files")) {
                return NO_FILE_DESCRIPTORS;
            }
        }
        Throwable t = error instanceof DecoderException && error.getCause() != null ? error.getCause() : error;
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (t instanceof ConnectTimeoutException) return "connect timeout";
        if (message.contains("connection refused")) return "connection refused";
        if (message.contains("connection reset")) return "connection reset";
        if (message.contains("broken pipe")) return "connection reset (broken pipe)";
        if (t instanceof UnknownHostException) return "unknown host";
        if (t instanceof NoRouteToHostException) return "no route to host";
        if (t instanceof SSLException) return "TLS error: " + firstLine(t.getMessage());
        if (t instanceof ClosedChannelException) return CLOSED_BEFORE_RESPONSE;
        if (t instanceof ConnectException) return "connect failed: " + firstLine(t.getMessage());
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()));
    }

    /** {@code timeout after 10s} / {@code timeout after 500ms}. */
    public static String timeout(long timeoutMillis) {
        return "timeout after " + (timeoutMillis % 1000 == 0 ? timeoutMillis / 1000 + "s" : timeoutMillis + "ms");
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
