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
    }
}
