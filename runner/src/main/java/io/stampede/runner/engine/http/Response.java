package io.stampede.runner.engine.http;

import java.util.List;
import java.util.Locale;

/**
 * A received HTTP response as the engine needs it: the status, the body's size and, only when the step asked
 * for it, the body text and headers.
 *
 * @param status    the status code, three digits (100..999)
 * @param bodyBytes size of the body as received (after de-chunking), in bytes
 * @param body      the body, its Content-Encoding (gzip, deflate) undone, decoded as UTF-8 (at most {@link ResponseParser#MAX_KEPT_BODY_BYTES}), or "" when not kept
 * @param headers   name/value pairs with lower-case names, empty when not kept
 * @param bodyProblem why a kept body could not be read (its Content-Encoding could not be undone), else null;
 *                  the body is "" then
 * @param setCookies the Set-Cookie header values, in order, always kept (empty when none)
 * @param location  the Location header, always kept, or null
 */
public record Response(int status, long bodyBytes, String body, List<String[]> headers, String bodyProblem,
                       List<String> setCookies, String location) {

    public Response(int status, long bodyBytes, String body, List<String[]> headers, String bodyProblem) {
        this(status, bodyBytes, body, headers, bodyProblem, List.of(), null);
    }

    /** The first header with this name (case-insensitive), or null. */
    public String header(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String[] header : headers) {
            if (header[0].equals(lower)) {
                return header[1];
            }
        }
        return null;
    }
}
