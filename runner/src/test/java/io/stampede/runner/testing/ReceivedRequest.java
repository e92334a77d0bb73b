package io.stampede.runner.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request the {@link TargetServer} received, read in full.
 *
 * @param method       upper-case HTTP method
 * @param pathAndQuery the request URI as sent (path and query)
 * @param headers      header names in lower case, each with its values in order
 * @param body         the body as UTF-8 text, empty when there was none
 */
public record ReceivedRequest(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The value of cookie {@code name} in the (first) Cookie header, or null when it carries none. */
    public String cookie(String name) {
        String header = header("Cookie");
        if (header == null) return null;
        for (String pair : header.split(";\\s*")) {
            if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
        }
        return null;
    }
}
