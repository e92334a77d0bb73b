package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerTokenBuilderTest {

    @Test
    void newTokensAre256RandomBitsInUrlSafeText() {
        String first = WorkerTokenBuilder.newToken();
        String second = WorkerTokenBuilder.newToken();

        assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(second).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void buildsAnImmutableSecretMountedByTheRunsPods() {
        BuildInput input = new BuildInput();

        Secret secret = WorkerTokenBuilder.build(input.loadTest, 1, "s3cr3t-token");

        assertThat(secret.getMetadata().getName()).isEqualTo("shop-1-token");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("perf");
        assertThat(secret.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "token")
                .containsEntry("stampede.io/run", "1");
        assertThat(secret.getType()).isEqualTo("Opaque");
        assertThat(secret.getImmutable()).isTrue();
        assertThat(secret.getData()).containsOnlyKeys("token");
        assertThat(Base64.getDecoder().decode(secret.getData().get("token"))).asString().isEqualTo("s3cr3t-token");
        assertThat(MasterPodBuilder.build(input.loadTest, 1, input.defaults).getSpec().getVolumes())
                .filteredOn(volume -> volume.getSecret() != null)
                .extracting(volume -> volume.getSecret().getSecretName()).containsExactly("shop-1-token");
    }

    @Test
    void tokenOfReadsBackTheTokenItWasBuiltWith() {
        String token = WorkerTokenBuilder.newToken();

        assertThat(WorkerTokenBuilder.tokenOf(WorkerTokenBuilder.build(new BuildInput().loadTest, 4, token)))
                .isEqualTo(token);
    }

    @Test
    void tokenOfASecretWithoutTokenIsEmpty() {
        assertThat(WorkerTokenBuilder.tokenOf(new SecretBuilder().build())).isEmpty();
        assertThat(WorkerTokenBuilder.tokenOf(new SecretBuilder().addToData("other", "eA==").build())).isEmpty();
    }
}
