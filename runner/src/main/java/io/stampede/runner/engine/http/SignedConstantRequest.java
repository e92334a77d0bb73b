package io.stampede.runner.engine.http;

import io.stampede.runner.scenario.SignerPlan;

import java.nio.ByteBuffer;

/**
 * A signed request whose path, headers and body are the same for every user, encoded once
 * ({@link RequestEncoder#preEncodeSigned}) but for the headers its signer adds per send
 * ({@link RequestEncoder#encodeSigned}): the bytes before them (request line to Content-Type) and after them
 * (Content-Length, the blank line, the body), and what the signer reads.
 *
 * <p>Immutable and shared by every event loop: the arrays are never written after construction, and the body is
 * handed to signers as read-only duplicates.
 */
public final class SignedConstantRequest {

    private final SignerPlan signer;
    private final String method;
    private final String head;
    private final int pathStart;
    private final int pathEnd;
    private final String path;
    private final byte[] headBytes;
    private final byte[] tailBytes;
    /** The body inside {@link #tailBytes}, read-only; null for a request without a body. */
    private final ByteBuffer body;

    /**
     * @param head      the request line and headers up to the signer's, each line ending in CRLF
     * @param headBytes {@code head} in UTF-8
     * @param tailBytes Content-Length (if any), the blank line and the body
     * @param bodyStart where the body starts in {@code tailBytes}, or -1 for no body
     */
    SignedConstantRequest(SignerPlan signer, String method, String head, int pathStart, int pathEnd, byte[] headBytes,
                          byte[] tailBytes, int bodyStart) {
        this.signer = signer;
        this.method = method;
        this.head = head;
        this.pathStart = pathStart;
        this.pathEnd = pathEnd;
        this.path = head.substring(pathStart, pathEnd);
        this.headBytes = headBytes;
        this.tailBytes = tailBytes;
        this.body = bodyStart < 0 ? null
                : ByteBuffer.wrap(tailBytes, bodyStart, tailBytes.length - bodyStart).slice().asReadOnlyBuffer();
    }

    SignerPlan signer() {
        return signer;
    }

    String method() {
        return method;
    }

    String head() {
        return head;
    }

    int pathStart() {
        return pathStart;
    }

    int pathEnd() {
        return pathEnd;
    }

    String path() {
        return path;
    }

    byte[] headBytes() {
        return headBytes;
    }

    byte[] tailBytes() {
        return tailBytes;
    }

    /** The body as the signer reads it, or null for none; duplicate before reading (it is shared). */
    ByteBuffer body() {
        return body;
    }
}
