package io.stampede.runner.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The target base URL: scheme http or https, a host, an optional port and an optional base path that prefixes
 * every request path, as Locust's host does ({@code http://shop/api} + {@code /items} = {@code /api/items}).
 */
public final class TargetUrl {

    private static final String EXPECTED = "expected a URL such as http://shop.staging.svc:8080";

    private TargetUrl() {
    }

    /**
     * Checks and normalizes a target: the scheme in lower case, trailing slashes dropped.
     *
     * @throws IllegalArgumentException with a message for people
     */
    public static URI parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(EXPECTED + ", got '" + text + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || uri.isOpaque() && !scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(EXPECTED + " with its scheme, got '" + text + "'");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the scheme must be http or https, got '" + uri.getScheme() + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(EXPECTED + ": the URL needs a host, got '" + text + "'");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "expected only scheme, host, port and an optional base path (no user, query or fragment), got '" + text + "'");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return URI.create(scheme + "://" + uri.getHost() + port + path);
    }
}
