package io.stampede.operator.check;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosts a cluster admin lets LoadTests aim at: {@code shop.staging.svc} (that host), {@code *.staging.svc}
 * (any host under staging.svc, not staging.svc itself) or {@code *} (anything). An empty list allows any target.
 * Host names compare without case. A pure function of the patterns and the target.
 */
public record TargetAllowlist(List<String> patterns) {

    public TargetAllowlist {
        patterns = patterns.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    /** @return why the target is refused, or empty when it is allowed */
    public Optional<String> refusal(String target) {
        if (patterns.isEmpty()) return Optional.empty();
        String host = host(target);
        if (host != null && patterns.stream().anyMatch(pattern -> matches(pattern, host))) return Optional.empty();
        return Optional.of("spec.target: the host " + (host == null ? "of '" + target + "'" : host)
                + " is not in the operator's target allowlist (" + String.join(", ", patterns)
                + "); ask your cluster admin to allow it");
    }

    private static boolean matches(String pattern, String host) {
        if (pattern.equals("*")) return true;
        if (pattern.startsWith("*.")) return host.endsWith(pattern.substring(1));
        return host.equals(pattern);
    }

    private static String host(String target) {
        try {
            String host = URI.create(target).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
