package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.stampede.operator.api.LoadTest;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Secret with the run's token: workers present it to the master, which refuses any connection without it.
 * One token per run, made once and never changed.
 */
public final class WorkerTokenBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkerTokenBuilder() {
    }

    /** @param token the token's text; see {@link #newToken()} */
    public static Secret build(LoadTest loadTest, int run, String token) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(RunNames.of(loadTest, run).workerToken())
                .withNamespace(loadTest.getMetadata().getNamespace())
                .withLabels(RunLabels.of(loadTest, run, "token"))
                .endMetadata()
                .withType("Opaque")
                .withImmutable(true)
                .addToData(RunnerPods.TOKEN_KEY, Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /** The token a Secret made by {@link #build} holds; empty when it holds none. */
    public static String tokenOf(Secret secret) {
        if (secret.getData() == null || secret.getData().get(RunnerPods.TOKEN_KEY) == null) return "";
        return new String(Base64.getDecoder().decode(secret.getData().get(RunnerPods.TOKEN_KEY)), StandardCharsets.UTF_8);
    }

    /** 256 random bits, URL-safe Base64. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
