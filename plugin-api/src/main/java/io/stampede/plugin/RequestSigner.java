package io.stampede.plugin;

/**
 * Request signing, or any header computed from the request about to be sent: HMAC signatures, AWS SigV4-style
 * schemes, a digest of the body. Used with {@code sign: {plugin: NAME, with: {...}}} on a request, on a user class
 * (its requests) or in {@code spec.defaults} (every user's request); the nearest one applies.
 *
 * <p>The signer runs after the request is rendered (path, headers, body) and before its bytes are written, once for
 * every request sent, redirects included (a redirect is a new request with its own path).
 */
public interface RequestSigner extends Extension {

    /**
     * Load time, once per {@code sign:} in the file.
     *
     * @throws IllegalArgumentException when a setting is missing or wrong: reported at the {@code sign} field's
     *                                  path, exit 2
     */
    Signer create(Settings settings);

    /** One configured use. */
    @FunctionalInterface
    interface Signer {

        /**
         * Adds headers for this request. Runs on the user's event loop, concurrently on every loop: thread safe,
         * never blocking, allocating little (a {@code ThreadLocal<Mac>} rather than a new Mac per call). An
         * exception fails the request with the cause {@code plugin NAME: <message>}; nothing is sent.
         *
         * @param headers where the added headers go: names are HTTP tokens, values have no control characters
         *                (else the request fails naming the header, never its value)
         */
        void sign(OutgoingRequest request, HeaderWriter headers) throws Exception;
    }

    /** Adds headers to the request being signed. */
    @FunctionalInterface
    interface HeaderWriter {

        /** Adds a header after the request's own (Content-Length is the runner's and comes last). */
        void add(String name, String value);

        /**
         * Adds a header whose value is given as its UTF-8 bytes (a signature in hex or base64 is ASCII), so that a
         * signer that builds the value in a reused {@code byte[]} makes no String per request. The runner copies
         * the bytes before returning: the array may be reused at once. Checked like {@link #add(String, String)}.
         *
         * <p>A default method, added after {@link #add(String, String)}: it decodes the bytes and calls that, so a
         * writer implemented before it (a lambda in a plugin's test) keeps working; the runner's own writer copies
         * the bytes without decoding them.
         *
         * @param value  the array holding the value's bytes
         * @param offset where the value starts in {@code value}, {@code >= 0}
         * @param length the value's length in bytes, {@code >= 0}, {@code offset + length <= value.length}
         */
        default void add(String name, byte[] value, int offset, int length) {
            add(name, new String(value, offset, length, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
