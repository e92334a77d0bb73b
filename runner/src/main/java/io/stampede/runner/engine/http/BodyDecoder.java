package io.stampede.runner.engine.http;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes a response's {@code Content-Encoding} ({@code gzip}, {@code x-gzip}, {@code deflate}) for the checks and
 * extractions that read the body, as Python's requests and k6 do. Pure; only called for bodies a step keeps.
 *
 * <p>At most {@code maxBytes} are decoded (a small body may inflate to gigabytes). A body cut short (the kept part
 * of a long body) decodes as far as it goes, like the kept part of a plain body.
 */
final class BodyDecoder {

    /** A body whose encoding is not readable: the message is the failure's cause. */
    static final class UndecodableBody extends Exception {
        UndecodableBody(String cause) {
            super(cause, null, false, false);
        }
    }

    private BodyDecoder() {
    }

    /**
     * @param coding   the Content-Encoding, lower case: {@code gzip}, {@code x-gzip} or {@code deflate}
     * @param maxBytes the most bytes to return, >= 0
     */
    static byte[] decode(String coding, byte[] data, int length, int maxBytes) throws UndecodableBody {
        try {
            return switch (coding) {
                case "gzip", "x-gzip" -> readAll(new GZIPInputStream(new ByteArrayInputStream(data, 0, length)),
                        maxBytes);
                case "deflate" -> inflate(data, length, maxBytes);
                default -> throw new UndecodableBody("cannot decode the body: Content-Encoding " + coding
                        + " is not supported (gzip and deflate are)");
            };
        } catch (IOException e) {
            throw new UndecodableBody("cannot decode the body: invalid " + coding + " data");
        }
    }

    /** "deflate" is zlib-wrapped (RFC 9110 8.4.1.2); some servers send it raw, which browsers accept too. */
    private static byte[] inflate(byte[] data, int length, int maxBytes) throws IOException {
        try {
            return readAll(new InflaterInputStream(new ByteArrayInputStream(data, 0, length), new Inflater(false)),
                    maxBytes);
        } catch (java.util.zip.ZipException notZlib) {
            return readAll(new InflaterInputStream(new ByteArrayInputStream(data, 0, length), new Inflater(true)),
                    maxBytes);
        }
    }

    private static byte[] readAll(InputStream in, int maxBytes) throws IOException {
        byte[] out = new byte[Math.min(maxBytes, 8192)];
        int n = 0;
        try (in) {
            while (n < maxBytes) {
                if (n == out.length) out = Arrays.copyOf(out, Math.min(maxBytes, 2 * out.length));
                int read = in.read(out, n, out.length - n);
                if (read < 0) break;
                n += read;
            }
        } catch (EOFException cutShort) {
            // The kept part of a longer body: what decoded so far is the body's beginning.
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
