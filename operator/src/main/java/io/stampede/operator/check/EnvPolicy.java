package io.stampede.operator.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.stampede.operator.api.LoadTestSpec;
import io.stampede.runner.model.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code spec.env} may set in runner pods. An allowlist taken from the test itself: an env var must be read by
 * a {@code fromEnv} variable of the spec, because the runner reads no other (its own settings come as arguments
 * from the operator). On top of that, names that change the JVM ({@code JAVA_TOOL_OPTIONS} can point
 * {@code -Djdk.net.hosts.file} at the pod's own environment, so an allowed name resolves to any address), the
 * dynamic linker, the C library's resolver, proxies or the runner's launcher are refused even when a variable
 * reads them. A pure function of the spec.
 */
public final class EnvPolicy {

    /** Names refused whatever reads them; compared without case (proxies are read as http_proxy and HTTP_PROXY). */
    static final Set<String> RESERVED = Set.of(
            "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS", "JAVA_HOME", "CLASSPATH",
            "HOSTALIASES", "RES_OPTIONS", "LOCALDOMAIN", "LOCALRES", "GCONV_PATH", "NLSPATH",
            "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR",
            "PATH", "HOME", "HOSTNAME", "TMPDIR", "POD_NAME");

    /** Prefixes refused likewise: the JVM's, the dynamic linker's (LD_PRELOAD...), glibc's tunables, the launcher's. */
    static final List<String> RESERVED_PREFIXES = List.of("JAVA_", "_JAVA_", "JDK_", "LD_", "GLIBC_", "MALLOC_",
            "STAMPEDE_");

    private EnvPolicy() {
    }

    /** @return one problem per refused entry, with its path ({@code spec.env[1].name}); empty when all are allowed */
    public static List<Problem> problems(LoadTestSpec spec) {
        List<EnvVar> env = spec.getEnv() == null ? List.of() : spec.getEnv();
        Set<String> read = fromEnvNames(spec.getVariables());
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < env.size(); i++) {
            String name = env.get(i).getName();
            String path = "spec.env[" + i + "].name";
            if (name == null) continue;
            if (reserved(name)) {
                problems.add(new Problem(path, name + " changes the JVM, the dynamic linker, name resolution or the "
                        + "runner's launcher; the operator does not let a LoadTest set it"));
            } else if (!read.contains(name)) {
                problems.add(new Problem(path, name + " is read by no fromEnv variable; spec.env may set only the "
                        + "variables the test reads (spec.variables.<name>: {fromEnv: " + name + "})"));
            }
        }
        return problems;
    }

    static boolean reserved(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return RESERVED.contains(upper) || RESERVED_PREFIXES.stream().anyMatch(upper::startsWith);
    }

    private static Set<String> fromEnvNames(Map<String, JsonNode> variables) {
        if (variables == null) return Set.of();
        return variables.values().stream()
                .filter(value -> value != null && value.path("fromEnv").isTextual())
                .map(value -> value.path("fromEnv").asText())
                .collect(Collectors.toSet());
    }
}
