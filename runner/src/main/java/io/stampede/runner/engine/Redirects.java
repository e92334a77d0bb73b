package io.stampede.runner.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What to do with a redirect, as Python's requests (so Locust), k6 and browsers do: 301, 302 and 303 become a
 * GET without body (a HEAD stays a HEAD), 307 and 308 repeat the method and body. The Location is resolved
 * against the URL of the request that got it; the next request goes only to the run's target (same scheme, host
 * and port): anywhere else is a failure, never a request to a host nobody asked to load. Pure; thread safe.
 */
final class Redirects {

    /** The next request of a chain. {@code pathAndQuery} is absolute (from the target's root, base path included). */
    record Hop(String method, String pathAndQuery, boolean keepsBody) {
    }

    /** Why the chain ends as a failure. */
    record Refused(String cause) {
    }

    private Redirects() {
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * @param target       the run's target (scheme, host, port)
     * @param currentPath  the path and query of the request that was answered, from the root
     * @param method       that request's method
     * @param status       a redirect status ({@link #isRedirect})
     * @param location     the Location header as received (not null)
     * @return a {@link Hop} or a {@link Refused}
     */
    static Object next(URI target, String currentPath, String method, int status, String location) {
        URI resolved;
        try {
            URI base = new URI(target.getScheme(), target.getRawAuthority(), "/", null, null).resolve(currentPath);
            resolved = base.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new Refused("redirect to an invalid Location");
        }
        if (resolved.getHost() == null || resolved.getScheme() == null) {
            return new Refused("redirect to an invalid Location");
        }
        String scheme = resolved.getScheme().toLowerCase(Locale.ROOT);
        int port = port(scheme, resolved.getPort());
        boolean sameOrigin = scheme.equals(target.getScheme().toLowerCase(Locale.ROOT))
                && resolved.getHost().equalsIgnoreCase(target.getHost())
                && port == port(target.getScheme().toLowerCase(Locale.ROOT), target.getPort());
        if (!sameOrigin) {
            return new Refused("redirect to another host: " + resolved.getHost() + ":" + (port < 0 ? "?" : port));
        }
        String path = resolved.getRawPath() == null || resolved.getRawPath().isEmpty() ? "/" : resolved.getRawPath();
        if (resolved.getRawQuery() != null) path = path + "?" + resolved.getRawQuery();
        boolean keep = status == 307 || status == 308;
        String nextMethod = keep || method.equals("HEAD") ? method : "GET";
        return new Hop(nextMethod, path, keep);
    }

    private static int port(String scheme, int port) {
        if (port >= 0) return port;
        return scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    }
}
