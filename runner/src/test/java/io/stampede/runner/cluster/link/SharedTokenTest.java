package io.stampede.runner.cluster.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SharedTokenTest {

    @TempDir
    Path dir;

    @Test
    void admitsOnlyTheSameTokenAsABearer() {
        SharedToken token = SharedToken.of("s3cret-token");

        assertThat(token.admits("Bearer s3cret-token")).isTrue();
        assertThat(token.admits("bearer s3cret-token")).isTrue();
        assertThat(token.admits("Bearer s3cret-tokem")).isFalse();
        assertThat(token.admits("Bearer s3cret-token-and-more")).isFalse();
        assertThat(token.admits("Bearer ")).isFalse();
        assertThat(token.admits("s3cret-token")).isFalse();
        assertThat(token.admits("Basic s3cret-token")).isFalse();
        assertThat(token.admits(null)).isFalse();
    }

    @Test
    void readsTheFilesFirstLineBeforeTheEnvironment() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "  from-file  \nsecond line\n");

        SharedToken token = SharedToken.load(file, Map.of(SharedToken.ENV, "from-env")).orElseThrow();

        assertThat(token.admits("Bearer from-file")).isTrue();
        assertThat(SharedToken.load(null, Map.of(SharedToken.ENV, "from-env")).orElseThrow().admits("Bearer from-env"))
                .isTrue();
    }

    @Test
    void aBlankOrMissingTokenIsNoToken() throws Exception {
        Path blank = dir.resolve("blank");
        Files.writeString(blank, " \n");

        assertThat(SharedToken.load(blank, Map.of())).isEmpty();
        assertThat(SharedToken.load(null, Map.of(SharedToken.ENV, "  "))).isEmpty();
        assertThat(SharedToken.load(null, Map.of())).isEmpty();
    }

    @Test
    void neverShowsItself() {
        assertThat(SharedToken.of("s3cret-token").toString()).doesNotContain("s3cret");
    }
}
