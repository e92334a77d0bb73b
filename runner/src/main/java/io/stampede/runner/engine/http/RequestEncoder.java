package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.stampede.runner.scenario.MultipartPlan;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.TemplateContext;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns a {@link RequestPlan} into HTTP/1.1 request bytes for one target.
 *
 * <p>A request whose templates are all constant is encoded once ({@link #preEncode}) and its bytes are shared by
 * every user; a signed one whose templates are constant is encoded once but for the signer's headers
 * ({@link #preEncodeSigned}, {@link #encodeSigned}). Others are rendered per send into a scratch builder and written
 * into a pooled buffer of exactly their length (no growth, no copy).
 *
 * <p>Threading: {@link #encode} uses a scratch buffer and must be called from one thread per instance (each
 * event loop has its own encoder).
 */
public final class RequestEncoder {

    static final String USER_AGENT = "stampede/0.1";
    /** The codings {@link BodyDecoder} undoes. */
    static final String ACCEPT_ENCODING = "gzip, deflate";

    private final String hostHeader;
    private final String basePath;
    private final StringBuilder scratch = new StringBuilder(512);
    private final StringBuilder bodyScratch = new StringBuilder(256);
    /** Content-Length (when there is one) and the blank line that ends the head: ASCII. */
    private final StringBuilder tail = new StringBuilder(32);
    /** A signed request's text body as bytes, which the signer reads before the head ends; reused. */
    private final ByteBuf signedBody = Unpooled.buffer(256);
    /** The head's UTF-8, before it is copied into the request; reused (grown once to the longest head's 3x). */
    private final ByteBuf headBytes = Unpooled.buffer(1024);
    /** The header lines a signer adds, before they are copied into the request; reused. */
    private final ByteBuf signerHeaders = Unpooled.buffer(256);
    private final SigningRequest signing;

    // The request being rendered (renderHead), read right after by the caller on the same thread.
    private int pathStart;
    private int pathEnd;
    /** The text body in {@link #bodyScratch}, or null. */
    private StringBuilder text;
    /** The multipart body's bytes, or null. */
    private ByteBuf parts;
    /** The body's length in bytes, -1 for no body. */
    private long bodyLength;

    /** @param target the base URL; its path (if any) prefixes every request path */
    public RequestEncoder(URI target) {
        boolean defaultPort = target.getPort() < 0
                || ("http".equals(target.getScheme()) && target.getPort() == 80)
                || ("https".equals(target.getScheme()) && target.getPort() == 443);
        this.hostHeader = defaultPort ? target.getHost() : target.getHost() + ":" + target.getPort();
        String path = target.getRawPath() == null ? "" : target.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.signing = new SigningRequest(hostHeader);
    }

    /**
     * Encodes a constant request once (its templates are rendered with a null context, which constants never read). The returned buffer is never released; send {@code duplicate()}s of it.
     *
     * @throws IllegalArgumentException if the plan is not constant
     * @throws InvalidRequestException  when a value is not legal where it goes
     */
    public ByteBuf preEncode(RequestPlan plan) {
        if (!plan.isConstant()) throw new IllegalArgumentException("request is not constant");
        ByteBuf bytes = encodeInto(plan, null, plan.method(), null, false, null, null, UnpooledByteBufAllocator.DEFAULT);
        return Unpooled.unreleasableBuffer(bytes.asReadOnly());
    }

    /**
     * Encodes a signed request whose path, headers and body are constant once, all but the signer's headers (which
     * {@link #encodeSigned} adds per send): signing then costs the signer and three copies, not a whole encoding.
     *
     * @throws IllegalArgumentException if the plan has no signer or renders differently per user
     * @throws InvalidRequestException  when a value is not legal where it goes
     */
    public SignedConstantRequest preEncodeSigned(RequestPlan plan) {
        if (plan.signer() == null || !plan.rendersConstant()) {
            throw new IllegalArgumentException("request is not constant apart from its signer");
        }
        renderHead(plan, null, plan.method(), null, false, null, null);
        String head = scratch.toString();
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] body = parts != null ? ByteBufUtil.getBytes(parts)
                : text != null ? text.toString().getBytes(StandardCharsets.UTF_8) : new byte[0];
        byte[] tailBytes = new byte[tail.length() + body.length];
        for (int i = 0; i < tail.length(); i++) tailBytes[i] = (byte) tail.charAt(i);
        System.arraycopy(body, 0, tailBytes, tail.length(), body.length);
        return new SignedConstantRequest(plan.signer(), plan.method(), head, pathStart, pathEnd, headBytes,
                tailBytes, bodyLength >= 0 ? tail.length() : -1);
    }

    /**
     * A request pre-encoded by {@link #preEncodeSigned}, signed for this user; the caller owns the returned buffer.
     *
     * @throws InvalidRequestException when the signer adds a header that is not legal
     * @throws io.stampede.runner.plugin.PluginCallException when the signer throws
     */
    public ByteBuf encodeSigned(SignedConstantRequest request, TemplateContext context, ByteBufAllocator allocator) {
        signerHeaders.clear();
        signing.sign(request.signer(), context, request.method(), request.head(), request.pathStart(),
                request.pathEnd(), request.path(), request.body(), signerHeaders);
        byte[] head = request.headBytes();
        byte[] tailBytes = request.tailBytes();
        ByteBuf out = allocator.directBuffer(head.length + signerHeaders.readableBytes() + tailBytes.length);
        out.writeBytes(head);
        out.writeBytes(signerHeaders, signerHeaders.readerIndex(), signerHeaders.readableBytes());
        out.writeBytes(tailBytes);
        return out;
    }

    /**
     * Renders and encodes a request for one user; the caller owns the returned buffer.
     *
     * @throws InvalidRequestException when a rendered value is not legal where it goes (checked before any
     *                                 buffer is taken)
     */
    public ByteBuf encode(RequestPlan plan, TemplateContext context, ByteBufAllocator allocator) {
        return encode(plan, context, allocator, null, null);
    }

    /**
     * Like {@link #encode(RequestPlan, TemplateContext, ByteBufAllocator)}, with a path already rendered and the
     * user's cookies.
     *
     * @param path   the path and query from the target's root (base path included), rendered by the caller; null
     *               to render the plan's
     * @param cookie the Cookie header's value from the user's jar, or null; joined to a Cookie header the plan
     *               writes itself
     */
    public ByteBuf encode(RequestPlan plan, TemplateContext context, ByteBufAllocator allocator, String path,
                          String cookie) {
        return encodeInto(plan, context, plan.method(), path, false, null, cookie, allocator);
    }

    /**
     * A request that follows a redirect: the plan's headers, the given method and path; with the body of the
     * first request ({@code body}, 307/308) or none (301/302/303, whose Content-Type is then left out too).
     *
     * @param path the path and query from the target's root, as the Location gave it
     * @param body the first request's body bytes (not released here), or null for none
     */
    public ByteBuf encodeRedirect(RequestPlan plan, TemplateContext context, ByteBufAllocator allocator,
                                  String method, String path, ByteBuf body, String cookie) {
        return encodeInto(plan, context, method, path, body == null, body, cookie, allocator);
    }

    /** The path and query of a plan's request from the target's root (the base path prefixed), rendered. */
    public String renderPath(RequestPlan plan, TemplateContext context) {
        StringBuilder path = new StringBuilder(basePath.length() + 32).append(basePath);
        plan.pathAndQuery().appendTo(path, context);
        return path.toString();
    }

    /**
     * Renders, signs and writes a request into a buffer of exactly its length from {@code allocator}: the head
     * ({@link #scratch}, through {@link #headBytes}), the signer's headers ({@link #signerHeaders}), Content-Length and the blank line
     * ({@link #tail}), the body. Everything that can fail does before the buffer is taken.
     */
    private ByteBuf encodeInto(RequestPlan plan, TemplateContext context, String method, String path,
                               boolean dropBody, ByteBuf keptBody, String cookie, ByteBufAllocator allocator) {
        renderHead(plan, context, method, path, dropBody, keptBody, cookie);
        StringBuilder head = scratch;
        boolean textAsBytes = false;
        signerHeaders.clear();
        if (plan.signer() != null) {
            ByteBuffer signedBytes = null;
            if (keptBody != null) {
                signedBytes = keptBody.nioBuffer(keptBody.readerIndex(), keptBody.readableBytes()).asReadOnlyBuffer();
            } else if (parts != null) {
                signedBytes = parts.nioBuffer().asReadOnlyBuffer();
            } else if (text != null) {
                signedBody.clear();
                ByteBufUtil.reserveAndWriteUtf8(signedBody, text, (int) bodyLength);
                signedBytes = signedBody.nioBuffer().asReadOnlyBuffer();
                textAsBytes = true;
            }
            // What the signer adds is checked as it is added (SigningRequest.add): name a token, no line breaks.
            signing.sign(plan.signer(), context, method, head, pathStart, pathEnd, null, signedBytes, signerHeaders);
        }
        // One pass over the head's chars into the reused buffer, then a copy: cheaper than counting its UTF-8
        // length first (a second pass) and than writing into a guessed size that writeUtf8 grows.
        headBytes.clear();
        ByteBufUtil.writeUtf8(headBytes, head);
        ByteBuf out = allocator.directBuffer(headBytes.readableBytes() + signerHeaders.readableBytes()
                + tail.length() + (int) Math.max(bodyLength, 0));
        out.writeBytes(headBytes, headBytes.readerIndex(), headBytes.readableBytes());
        out.writeBytes(signerHeaders, signerHeaders.readerIndex(), signerHeaders.readableBytes());
        ByteBufUtil.writeAscii(out, tail);
        if (keptBody != null) out.writeBytes(keptBody, keptBody.readerIndex(), keptBody.readableBytes());
        else if (parts != null) out.writeBytes(parts);
        else if (textAsBytes) out.writeBytes(signedBody, signedBody.readerIndex(), signedBody.readableBytes());
        else if (text != null) ByteBufUtil.reserveAndWriteUtf8(out, text, (int) bodyLength);
        return out;
    }

    /**
     * Renders the request line and headers up to the signer's (Content-Type included) into {@link #scratch},
     * Content-Length and the blank line into {@link #tail}, and prepares the body: sets {@link #pathStart},
     * {@link #pathEnd}, {@link #text} (a text body, in {@link #bodyScratch}), {@link #parts} (a multipart body)
     * and {@link #bodyLength} (-1 for no body).
     *
     * @param path     the rendered path from the root, or null to render the plan's (base path prefixed)
     * @param dropBody send no body (and no Content-Type), as a 301/302/303 redirect asks
     * @param keptBody body bytes to send instead of the plan's, or null
     */
    private void renderHead(RequestPlan plan, TemplateContext context, String method, String path, boolean dropBody,
                            ByteBuf keptBody, String cookie) {
        StringBuilder head = scratch;
        head.setLength(0);
        head.append(method).append(' ');
        pathStart = head.length();
        if (path != null) {
            head.append(path);
        } else {
            head.append(basePath);
            plan.pathAndQuery().appendTo(head, context);
        }
        checkPath(head, pathStart);
        pathEnd = head.length();
        head.append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        RequestPlan.BodyPlan bodyPlan = dropBody ? null : plan.body();
        MultipartPlan multipart = bodyPlan == null || keptBody != null ? null : bodyPlan.multipart();
        boolean userAgentSet = false;
        boolean contentTypeSet = false;
        boolean acceptEncodingSet = false;
        boolean cookieWritten = false;
        for (RequestPlan.HeaderPlan header : plan.headers()) {
            boolean contentType = header.name().equalsIgnoreCase("Content-Type");
            // A body dropped by a redirect takes its type along; a multipart body's type carries its boundary.
            if (contentType && (bodyPlan == null && plan.body() != null || multipart != null)) continue;
            head.append(header.name()).append(": ");
            int valueStart = head.length();
            header.value().appendTo(head, context);
            checkHeaderValue(head, valueStart, header.name());
            if (cookie != null && header.name().equalsIgnoreCase("Cookie")) {
                head.append("; ").append(cookie);
                cookieWritten = true;
            }
            head.append("\r\n");
            userAgentSet |= header.name().equalsIgnoreCase("User-Agent");
            contentTypeSet |= contentType;
            acceptEncodingSet |= header.name().equalsIgnoreCase("Accept-Encoding");
        }
        if (cookie != null && !cookieWritten) {
            int valueStart = head.length();
            head.append("Cookie: ").append(cookie);
            checkHeaderValue(head, valueStart, "Cookie");
            head.append("\r\n");
        }
        if (!userAgentSet) head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        // As Python's requests (so Locust) and browsers do: servers that compress, compress for us too.
        if (!acceptEncodingSet) head.append("Accept-Encoding: ").append(ACCEPT_ENCODING).append("\r\n");

        text = null;
        parts = null;
        bodyLength = -1;
        if (keptBody != null) {
            bodyLength = keptBody.readableBytes();
        } else if (multipart != null) {
            parts = Unpooled.buffer(256);
            MultipartWriter.write(multipart, context, parts, bodyScratch);
            bodyLength = parts.readableBytes();
        } else if (bodyPlan != null) {
            text = bodyScratch;
            text.setLength(0);
            bodyPlan.text().appendTo(text, context);
            bodyLength = ByteBufUtil.utf8Bytes(text);
        }
        if (bodyLength >= 0 && !contentTypeSet && bodyPlan != null) {
            head.append("Content-Type: ").append(bodyPlan.contentType()).append("\r\n");
        }
        tail.setLength(0);
        if (bodyLength >= 0) {
            tail.append("Content-Length: ").append(bodyLength).append("\r\n");
        } else if (hasBodySemantics(method)) {
            tail.append("Content-Length: 0\r\n");
        }
        tail.append("\r\n");
    }

    /**
     * A rendered path must stay one token of the request line: no space and no control character (a line break
     * would end the request line and let the rest be read as headers or another request).
     */
    private static void checkPath(CharSequence head, int from) {
        for (int i = from; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == ' ') throw new InvalidRequestException("invalid request: the path contains a space");
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidRequestException("invalid request: the path contains " + describe(c));
            }
        }
    }

    /**
     * A header value may hold visible characters, spaces and tabs (RFC 9110 5.5), nothing else below 0x20: a line
     * break would end the header and smuggle what follows (a trailing newline in a Secret is the common case).
     * The value is never quoted in the cause: it may be a secret.
     */
    private static void checkHeaderValue(CharSequence head, int from, String name) {
        for (int i = from; i < head.length(); i++) {
            char c = head.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new InvalidRequestException("invalid request: header " + name + " contains " + describe(c));
            }
        }
    }

    private static String describe(char c) {
        return c == '\r' || c == '\n' ? "a line break" : "a control character";
    }

    private static boolean hasBodySemantics(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }
}
