package io.stampede.plugins.hmac;

import io.stampede.plugin.OutgoingRequest;
import io.stampede.plugin.RequestSigner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * One configured use of {@link HmacSha256Signer}. Thread safe: each event loop has its own {@link Scratch} (a
 * {@link ThreadLocal}: a {@link Mac}, keyed once when the key is the same for every user, and the arrays a signature
 * is built in), so a signature with a constant key allocates nothing beyond what the JDK's HMAC does; the header
 * values go to the runner as bytes ({@link RequestSigner.HeaderWriter#add(String, byte[], int, int)}).
 */
final class HmacSigning implements RequestSigner.Signer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** The key for every user, or null when it is rendered per request (a data column). */
    private final String constantKey;
    private final String header;
    private final ThreadLocal<Scratch> scratches;

    HmacSigning(String constantKey, String header) {
        this.constantKey = constantKey;
        this.header = header;
        this.scratches = ThreadLocal.withInitial(() -> new Scratch(newMac(constantKey)));
    }

    @Override
    public void sign(OutgoingRequest request, RequestSigner.HeaderWriter headers) throws GeneralSecurityException {
        Scratch scratch = scratches.get();
        Mac mac = scratch.mac;
        if (constantKey == null) {
            String key = request.setting("key");
            if (key == null || key.isEmpty()) {
                throw new IllegalStateException("the setting 'key' is empty for user " + request.user().userId());
            }
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        }
        scratch.setTime(System.currentTimeMillis() / 1000);
        // METHOD \n PATH_AND_QUERY \n TIMESTAMP \n, then the body: one update for the text, one for the body.
        int length = scratch.appendUtf8(request.method(), 0);
        scratch.input[length++] = '\n';
        length = scratch.appendUtf8(request.pathAndQuery(), length);
        length = scratch.append(scratch.timestamp, scratch.timestampLength, length);
        mac.update(scratch.input, 0, length);
        mac.update(request.body());
        mac.doFinal(scratch.digest, 0);
        for (int i = 0; i < scratch.digest.length; i++) {
            scratch.hex[2 * i] = HEX_DIGITS[(scratch.digest[i] >> 4) & 0xf];
            scratch.hex[2 * i + 1] = HEX_DIGITS[scratch.digest[i] & 0xf];
        }
        headers.add("X-Timestamp", scratch.timestamp, 1, scratch.timestampLength - 2);
        headers.add(header, scratch.hex, 0, scratch.hex.length);
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

    /** One event loop's Mac and arrays, reused for every signature on it. Confined to its thread. */
    private static final class Scratch {

        final Mac mac;
        /** The signed text before the body; grows for a long path (kept grown). */
        byte[] input = new byte[256];
        final byte[] digest = new byte[32];
        /** The digest in lower-case hex: the signature header's value. */
        final byte[] hex = new byte[64];
        /** {@code \n SECONDS \n}: the signed text's timestamp line, the header's value between the line breaks. */
        final byte[] timestamp = new byte[24];
        int timestampLength;
        private long second = Long.MIN_VALUE;

        Scratch(Mac mac) {
            this.mac = mac;
        }

        /** Sets {@link #timestamp} to {@code second} (seconds since the epoch); rewritten only when it changes. */
        void setTime(long second) {
            if (second == this.second) {
                return;
            }
            this.second = second;
            byte[] digits = Long.toString(second).getBytes(StandardCharsets.US_ASCII);
            timestamp[0] = '\n';
            System.arraycopy(digits, 0, timestamp, 1, digits.length);
            timestamp[digits.length + 1] = '\n';
            timestampLength = digits.length + 2;
        }

        /** Writes {@code text}'s UTF-8 bytes at {@code at}; returns where they end. */
        int appendUtf8(String text, int at) {
            ensure(at + text.length() + 1);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    // Not ASCII (a rare path): the JDK's encoder, over what was copied so far.
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    return append(utf8, utf8.length, at);
                }
                input[at + i] = (byte) c;
            }
            return at + text.length();
        }

        int append(byte[] bytes, int length, int at) {
            ensure(at + length + 1);
            System.arraycopy(bytes, 0, input, at, length);
            return at + length;
        }

        /** Room for {@code size} bytes (one more than written, for the line break the caller may add). */
        private void ensure(int size) {
            if (input.length < size) {
                input = Arrays.copyOf(input, Math.max(size, 2 * input.length));
            }
        }
    }
}
