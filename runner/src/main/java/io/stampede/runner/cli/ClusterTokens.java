package io.stampede.runner.cli;

import io.stampede.runner.cluster.link.SharedToken;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the shared token for {@code master} and {@code worker}, or says what is missing. Never prints it. */
final class ClusterTokens {

    private ClusterTokens() {
    }

    static Optional<SharedToken> load(Path tokenFile, String command, PrintWriter err) {
        try {
            Optional<SharedToken> token = SharedToken.load(tokenFile, System.getenv());
            if (token.isEmpty()) {
                err.println("stampede: the " + command + " needs the shared token: --token-file F, or the "
                        + SharedToken.ENV + " environment variable" + (tokenFile != null ? " (" + tokenFile
                        + " is empty)" : ""));
            }
            return token;
        } catch (IOException e) {
            err.println("stampede: cannot read the token file " + tokenFile + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
