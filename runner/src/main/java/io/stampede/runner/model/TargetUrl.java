package io.stampede.runner.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The target base URL: scheme http or https, a host, an optional port (1..65535) and an optional base path that
 * prefixes every request path, as Locust's host does ({@code http://shop/api} + {@code /items} = {@code /api/items}).
 * Credentials ({@code http://user:pass@host}) are refused, and never repeated in a message: see {@link #redact}.
 */
public final class TargetUrl {

    private static final String EXPECTED = "expected a URL such as http://shop.staging.svc:8080";

    private TargetUrl() {
    }

    /**
     * Checks and normalizes a target: the scheme in lower case, trailing slashes dropped.
     *
     * @throws IllegalArgumentException with a message for people, which holds the text only {@link #redact redacted}
     */
    public static URI parse(String text) {
        String shown = redact(text);
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(EXPECTED + ", got '" + shown + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || uri.isOpaque() && !scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(EXPECTED + " with its scheme, got '" + shown + "'");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the scheme must be http or https, got '" + uri.getScheme() + "'");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new IllegalArgumentException("expected no user or password in the URL, got '" + shown
                    + "': send credentials in a header, such as Authorization: 'Basic ${credentials}' with "
                    + "credentials from fromEnv");
        }
        checkPort(uri, shown);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(EXPECTED + ": the URL needs a host, got '" + shown + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "expected only scheme, host, port and an optional base path (no query or fragment), got '"
                            + shown + "'");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return URI.create(scheme + "://" + uri.getHost() + port + path);
    }

    /**
     * The text with anything that may be credentials replaced by {@code ***}: everything before the last {@code @}
     * of the part after {@code scheme://} (or of the whole text, without a scheme). For messages, whatever the text
     * is: a URL that does not parse may still hold a password.
     */
    public static String redact(String text) {
        int start = text.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int at = text.lastIndexOf('@');
        return at < start ? text : text.substring(0, start) + "***" + text.substring(at);
    }

    /** A port, when written, is 1..65535: URI accepts any number, and the number 0 would mean the default. */
    private static void checkPort(URI uri, String shown) {
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return;
        }
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || colon < authority.lastIndexOf(']')) {
            return;
        }
        String digits = authority.substring(colon + 1);
        if (digits.isEmpty()) {
            return;
        }
        boolean inRange = digits.length() <= 5 && digits.chars().allMatch(Character::isDigit)
                && Integer.parseInt(digits) >= 1 && Integer.parseInt(digits) <= 65535;
        if (!inRange) {
            throw new IllegalArgumentException("the port must be 1..65535, got '" + digits + "' in '" + shown + "'");
        }
    }
}
