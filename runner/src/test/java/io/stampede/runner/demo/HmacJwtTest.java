package io.stampede.runner.demo;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class HmacJwtTest {

    private static final long EXP_SECONDS = 1_700_000_100L;
    private final HmacJwt jwt = HmacJwt.withRandomKey();

    @Test
    void issuesACompactJwtWithSubAndExpClaims() {
        String token = jwt.issue("42", EXP_SECONDS);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(decode(parts[0])).contains("\"alg\":\"HS256\"");
        assertThat(decode(parts[1])).isEqualTo("{\"sub\":\"42\",\"exp\":" + EXP_SECONDS + "}");
        assertThat(token).doesNotContain("=", "+", "/");
    }

    @Test
    void acceptsItsOwnTokenUntilExp() {
        String token = jwt.issue("42", EXP_SECONDS);

        assertThat(jwt.verify(token, EXP_SECONDS * 1000 - 1)).isEqualTo(new TokenVerdict.Valid("42"));
        assertThat(jwt.verify(token, EXP_SECONDS * 1000)).isEqualTo(new TokenVerdict.Expired("42"));
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() {
        String foreign = HmacJwt.withRandomKey().issue("42", EXP_SECONDS);

        assertThat(jwt.verify(foreign, 0)).isInstanceOf(TokenVerdict.Invalid.class);
    }

    @Test
    void rejectsATokenWhosePayloadWasChanged() {
        String[] parts = jwt.issue("42", EXP_SECONDS).split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"1\",\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8));

        assertThat(jwt.verify(parts[0] + "." + otherPayload + "." + parts[2], 0))
                .isInstanceOf(TokenVerdict.Invalid.class);
    }

    @Test
    void rejectsGarbage() {
        assertThat(jwt.verify("garbage", 0)).isInstanceOf(TokenVerdict.Invalid.class);
        assertThat(jwt.verify("a.b.c", 0)).isInstanceOf(TokenVerdict.Invalid.class);
        assertThat(jwt.verify("..", 0)).isInstanceOf(TokenVerdict.Invalid.class);
        assertThat(jwt.verify("", 0)).isInstanceOf(TokenVerdict.Invalid.class);
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
