package io.stampede.plugin;

import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

/**
 * A request about to be sent, as a {@link RequestSigner} sees it: valid only during the
 * {@link RequestSigner.Signer#sign} call (do not keep it or its buffers).
 */
public interface OutgoingRequest {

    /** Upper-case method, such as {@code POST}. */
    String method();

    /** The path and query as sent in the request line (the target's base path included), such as {@code /api/items?page=2}. */
    String pathAndQuery();

    /** The {@code Host} header's value, such as {@code api.example.com:8443}. */
    String host();

    /** The first header with this name (case-insensitive) the request carries so far, or null. */
    String header(String name);

    /** Every header the request carries so far, in order, Host first. */
    void forEachHeader(BiConsumer<String, String> action);

    /** The body bytes as sent (read-only, position 0), empty for a request without a body. */
    ByteBuffer body();

    /** The value of a {@code with:} setting for this user, or null when it is not written. */
    String setting(String name);

    /** The user the request is sent for. */
    UserContext user();
}
