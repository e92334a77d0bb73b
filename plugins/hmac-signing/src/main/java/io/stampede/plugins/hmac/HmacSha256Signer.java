package io.stampede.plugins.hmac;

import io.stampede.plugin.RequestSigner;
import io.stampede.plugin.Settings;

/**
 * {@code sign: {plugin: hmacSha256, with: {key: "${hmacKey}"}}}: signs every request with HMAC-SHA256, the scheme of
 * many internal APIs and webhooks. The request gets two headers:
 * <ul>
 *   <li>{@code X-Timestamp}: the time of signing, in whole seconds since the epoch;</li>
 *   <li>{@code X-Signature} (or the {@code header} setting): the lower-case hex HMAC-SHA256, under {@code key}'s
 *       UTF-8 bytes, of {@code METHOD \n PATH_AND_QUERY \n TIMESTAMP \n BODY}.</li>
 * </ul>
 * Settings: {@code key} (required; read it from the environment through a spec variable, never write it in the
 * file), {@code header} (optional, default {@code X-Signature}).
 */
public final class HmacSha256Signer implements RequestSigner {

    static final String DEFAULT_HEADER = "X-Signature";

    @Override
    public String name() {
        return "hmacSha256";
    }

    @Override
    public Signer create(Settings settings) {
        settings.require("key");
        String key = settings.constant("key");
        if (key != null && key.isEmpty()) {
            // Never the value: only that it is empty (an environment variable set to nothing, say).
            throw new IllegalArgumentException("the setting 'key' is empty");
        }
        String header = DEFAULT_HEADER;
        if (settings.names().contains("header")) {
            header = settings.constant("header");
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException("the setting 'header' must be a header name that is the same "
                        + "for every user");
            }
        }
        for (String name : settings.names()) {
            if (!name.equals("key") && !name.equals("header")) {
                throw new IllegalArgumentException("unknown setting '" + name + "'; settings: key, header");
            }
        }
        return new HmacSigning(key, header);
    }
}
