package io.stampede.runner.model;

import java.util.List;
import java.util.Locale;

/**
 * What text may go into a request line or a header (RFC 9110/9112), so that a value can never end one and start
 * another: a header value holds no control character but a tab (no CR, LF, NUL, DEL); a request target holds
 * neither control characters nor spaces. Also which headers are the runner's to write. Pure.
 */
public final class WireText {

    /** Headers that frame the request: the runner writes them from spec.target and the body. */
    public static final List<String> FRAMING_HEADERS = List.of("Host", "Content-Length", "Transfer-Encoding");
    /** The values a {@code Connection} header may have: closing after the response, or the default. */
    public static final List<String> CONNECTION_VALUES = List.of("close", "keep-alive");

    private WireText() {
    }

    /** What keeps {@code text} out of a header value ("a line feed (\n) as character 4 of 9"), or null. */
    public static String headerValueProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' && c != '\t' || c == 0x7F) {
                return describe(c) + " as character " + (i + 1) + " of " + text.length();
            }
        }
        return null;
    }

    /** What keeps {@code text} out of a request line's path ("a space as character 2 of 3"), or null. */
    public static String requestTargetProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                return describe(c) + " as character " + (i + 1) + " of " + text.length();
            }
        }
        return null;
    }

    /** True when the problem is a line break at the very end: the mark of a Secret written with echo. */
    public static boolean endsWithNewline(String text) {
        return text.endsWith("\n") || text.endsWith("\r");
    }

    private static String describe(char c) {
        return switch (c) {
            case '\n' -> "a line feed (\\n)";
            case '\r' -> "a carriage return (\\r)";
            case '\0' -> "a NUL (\\0)";
            case '\t' -> "a tab (\\t)";
            case ' ' -> "a space";
            default -> String.format(Locale.ROOT, "the control character U+%04X", (int) c);
        };
    }
}
