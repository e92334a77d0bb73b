package io.stampede.runner.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A target base URL split into its origin and an optional base path, like Locust's host: request paths are
 * appended to the base path ({@code http://shop/api} + {@code /items} = {@code http://shop/api/items}).
 *
 * @param origin   scheme (http or https), host and optional port, no trailing slash
 * @param basePath "" or a path starting with '/' without a trailing slash
 */
public record TargetUrl(URI origin, String basePath) {

    private static final String EXPECTED = "expected a URL such as http://shop.staging.svc:8080";

    /**
     * Parses a target; a trailing slash is dropped.
     *
     * @throws IllegalArgumentException with a message for people
     */
    public static TargetUrl parse(String text) {
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
                    "the target holds only scheme, host, port and an optional base path, got '" + text + "'");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return new TargetUrl(URI.create(scheme + "://" + uri.getHost() + port), path);
    }
}
