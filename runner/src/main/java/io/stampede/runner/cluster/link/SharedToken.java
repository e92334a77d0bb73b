package io.stampede.runner.cluster.link;

import io.stampede.runner.cluster.protocol.Protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The secret master and workers share: workers present it when they connect, callers of control endpoints too.
 * Compared in constant time; never printed ({@link #toString} hides it).
 */
public final class SharedToken {

    /** The environment variable a token may come from instead of a file. */
    public static final String ENV = "STAMPEDE_TOKEN";

    private final byte[] secret;

    private SharedToken(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The token from the file if given (its first line, surrounding blanks dropped, as a Kubernetes Secret mounts
     * it), else from {@value #ENV}; empty when neither gives a non-blank token.
     *
     * @throws IOException when the file cannot be read
     */
    public static Optional<SharedToken> load(Path file, Map<String, String> env) throws IOException {
        String text = file != null ? Files.readString(file, StandardCharsets.UTF_8) : env.get(ENV);
        if (text == null) return Optional.empty();
        String firstLine = text.strip().lines().findFirst().orElse("").strip();
        return firstLine.isEmpty() ? Optional.empty() : Optional.of(new SharedToken(firstLine));
    }

    /** A token no one else knows: 32 random bytes, for a server only this process needs to control. */
    public static SharedToken random() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return new SharedToken(java.util.HexFormat.of().formatHex(bytes));
    }

    public static SharedToken of(String secret) {
        if (secret.isBlank()) throw new IllegalArgumentException("a token must not be blank");
        return new SharedToken(secret.strip());
    }

    /** Whether an {@code Authorization} header value ({@code Bearer TOKEN}) carries this token; null is no. */
    public boolean admits(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, Protocol.BEARER, 0,
                Protocol.BEARER.length())) {
            return false;
        }
        byte[] presented = authorizationHeader.substring(Protocol.BEARER.length()).strip()
                .getBytes(StandardCharsets.UTF_8);
        // MessageDigest.isEqual takes the same time whatever the position of the first difference.
        return MessageDigest.isEqual(secret, presented);
    }

    /** The header value that presents this token. */
    public String authorizationHeader() {
        return Protocol.BEARER + new String(secret, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SharedToken[hidden]";
    }
}
