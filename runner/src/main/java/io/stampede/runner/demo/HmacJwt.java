package io.stampede.runner.demo;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Issues and verifies compact HS256 JSON Web Tokens (RFC 7519) with a {@code sub} and an {@code exp} claim.
 * Pure: the caller passes the current time, so expiry is testable without clocks.
 * Threading: immutable and safe to share; each call uses its own {@link Mac}.
 */
final class HmacJwt {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));

    private final byte[] key;

    HmacJwt(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an HS256 key needs at least 32 bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /** A signer with a fresh random key: tokens from another process (or an earlier run) never verify. */
    static HmacJwt withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new HmacJwt(key);
    }

    /**
     * @param subject          the {@code sub} claim
     * @param expiresAtSeconds the {@code exp} claim, seconds since the epoch
     */
    String issue(String subject, long expiresAtSeconds) {
        JsonObject claims = new JsonObject().put("sub", subject).put("exp", expiresAtSeconds);
        String signingInput = HEADER + "." + base64Url(claims.encode().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + base64Url(sign(signingInput));
    }

    /**
     * Checks the signature first, then the expiry: a token is expired once {@code nowMillis >= exp * 1000}.
     *
     * @param nowMillis the current time, milliseconds since the epoch
     */
    TokenVerdict verify(String token, long nowMillis) {
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        if (firstDot <= 0 || lastDot == firstDot || lastDot == token.length() - 1) {
            return new TokenVerdict.Invalid("not a compact JWT");
        }
        String signingInput = token.substring(0, lastDot);
        byte[] signature;
        JsonObject header;
        JsonObject claims;
        try {
            signature = DECODER.decode(token.substring(lastDot + 1));
            header = new JsonObject(new String(DECODER.decode(token.substring(0, firstDot)), StandardCharsets.UTF_8));
            claims = new JsonObject(new String(DECODER.decode(token.substring(firstDot + 1, lastDot)),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DecodeException e) {
            return new TokenVerdict.Invalid("malformed token");
        }
        // Constant-time comparison; the algorithm is fixed, so a token claiming "alg":"none" never verifies.
        if (!"HS256".equals(header.getValue("alg")) || !MessageDigest.isEqual(signature, sign(signingInput))) {
            return new TokenVerdict.Invalid("bad signature");
        }
        Object subject = claims.getValue("sub");
        Object expiresAt = claims.getValue("exp");
        if (!(subject instanceof String sub) || !(expiresAt instanceof Number exp)) {
            return new TokenVerdict.Invalid("missing sub or exp");
        }
        if (nowMillis >= exp.longValue() * 1000) {
            return new TokenVerdict.Expired(sub);
        }
        return new TokenVerdict.Valid(sub);
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }
}
