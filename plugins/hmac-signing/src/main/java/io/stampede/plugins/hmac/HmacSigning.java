package io.stampede.plugins.hmac;

import io.stampede.plugin.OutgoingRequest;
import io.stampede.plugin.RequestSigner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * One configured use of {@link HmacSha256Signer}. Thread safe: each event loop has its own {@link Mac} (a
 * {@link ThreadLocal}, keyed once when the key is the same for every user), so a signature allocates only its
 * hex text and the timestamp's.
 */
final class HmacSigning implements RequestSigner.Signer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    /** The key for every user, or null when it is rendered per request (a data column). */
    private final String constantKey;
    private final String header;
    private final ThreadLocal<Mac> macs;

    HmacSigning(String constantKey, String header) {
        this.constantKey = constantKey;
        this.header = header;
        this.macs = ThreadLocal.withInitial(() -> newMac(constantKey));
    }

    @Override
    public void sign(OutgoingRequest request, RequestSigner.HeaderWriter headers) throws GeneralSecurityException {
        Mac mac = macs.get();
        if (constantKey == null) {
            String key = request.setting("key");
            if (key == null || key.isEmpty()) {
                throw new IllegalStateException("the setting 'key' is empty for user " + request.user().userId());
            }
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        }
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        mac.update(request.method().getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '\n');
        mac.update(request.pathAndQuery().getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '\n');
        mac.update(request.body());
        headers.add("X-Timestamp", timestamp);
        headers.add(header, HEX.formatHex(mac.doFinal()));
    }

    private static Mac newMac(String key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            if (key != null) {
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            }
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
    }
}
