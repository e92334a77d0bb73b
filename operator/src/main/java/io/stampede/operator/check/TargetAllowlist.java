package io.stampede.operator.check;

import io.stampede.runner.model.Problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosts and ports a cluster admin lets LoadTests aim at. Each pattern is a host, optionally {@code :port}:
 * <ul>
 *   <li>host: {@code shop.staging.svc} (that host), {@code *.staging.svc} (any host under staging.svc, not
 *   staging.svc itself) or {@code *} (any host); names compare without case;</li>
 *   <li>port: {@code :8080} (that port), {@code :*} (any port), or none: only the default port of the target's
 *   scheme (80 for http, 443 for https), so {@code shop.staging.svc} admits {@code https://shop.staging.svc} but
 *   not {@code http://shop.staging.svc:22}. Several ports are several patterns (a comma separates patterns).</li>
 * </ul>
 * An empty list allows any target. A pure function of the patterns and the target.
 */
public record TargetAllowlist(List<String> patterns) {

    public TargetAllowlist {
        patterns = patterns.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    /** @return why the target is refused (path {@code spec.target}), or empty when it is allowed */
    public Optional<Problem> refusal(String target) {
        return refusal(target, "spec.target");
    }

    /**
     * The same check for another URL the runner pods call (a {@code spec.notify} webhook): the allowlist says where
     * a run may send anything, not only its load.
     *
     * @param path the field the URL is in, for the problem
     */
    public Optional<Problem> refusal(String url, String path) {
        if (patterns.isEmpty()) return Optional.empty();
        Endpoint endpoint = Endpoint.of(url);
        String list = " the operator's target allowlist (" + String.join(", ", patterns)
                + "); ask your cluster admin to allow it";
        if (endpoint == null) {
            return refused(path, path.equals("spec.target") ? "the host of '" + url + "' is not in" + list
                    : "the host of this URL is not in" + list);
        }
        List<Pattern> sameHost = patterns.stream().map(Pattern::parse)
                .filter(p -> p.matchesHost(endpoint.host())).toList();
        if (sameHost.isEmpty()) return refused(path, "the host " + endpoint.host() + " is not in" + list);
        if (sameHost.stream().anyMatch(p -> p.matchesPort(endpoint))) return Optional.empty();
        return refused(path, "port " + endpoint.port() + " of " + endpoint.host() + " is not in" + list);
    }

    private static Optional<Problem> refused(String path, String message) {
        return Optional.of(new Problem(path, message));
    }

    /** A target's host (lower case) and port (the scheme's default when the URL names none). */
    record Endpoint(String host, int port, int defaultPort) {

        /** @return the endpoint, or null when the target is no http(s) URL with a host */
        static Endpoint of(String target) {
            try {
                URI uri = URI.create(target);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                int defaultPort = switch (scheme) {
                    case "http" -> 80;
                    case "https" -> 443;
                    default -> -1;
                };
                if (uri.getHost() == null || defaultPort < 0) return null;
                return new Endpoint(uri.getHost().toLowerCase(Locale.ROOT),
                        uri.getPort() < 0 ? defaultPort : uri.getPort(), defaultPort);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** One pattern: a host pattern and a port (a number, {@code *}, or null for the scheme's default). */
    private record Pattern(String host, String port) {

        static Pattern parse(String pattern) {
            int colon = pattern.lastIndexOf(':');
            // An IPv6 literal in brackets has colons of its own: the port comes after the closing bracket.
            if (colon < 0 || colon < pattern.lastIndexOf(']')) return new Pattern(pattern, null);
            return new Pattern(pattern.substring(0, colon), pattern.substring(colon + 1));
        }

        boolean matchesHost(String host) {
            if (this.host.equals("*")) return true;
            if (this.host.startsWith("*.")) return host.endsWith(this.host.substring(1));
            return host.equals(this.host);
        }

        boolean matchesPort(Endpoint endpoint) {
            if (port == null) return endpoint.port() == endpoint.defaultPort();
            return port.equals("*") || port.equals(Integer.toString(endpoint.port()));
        }
    }
}
