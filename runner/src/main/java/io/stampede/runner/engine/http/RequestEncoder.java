package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.TemplateContext;

import java.net.URI;

/**
 * Turns a {@link RequestPlan} into HTTP/1.1 request bytes for one target.
 *
 * <p>A request whose templates are all constant is encoded once ({@link #preEncode}) and its bytes are shared by
 * every user; others are rendered per send into a scratch builder and written straight into a pooled buffer.
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

    /** @param target the base URL; its path (if any) prefixes every request path */
    public RequestEncoder(URI target) {
        boolean defaultPort = target.getPort() < 0
                || ("http".equals(target.getScheme()) && target.getPort() == 80)
                || ("https".equals(target.getScheme()) && target.getPort() == 443);
        this.hostHeader = defaultPort ? target.getHost() : target.getHost() + ":" + target.getPort();
        String path = target.getRawPath() == null ? "" : target.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Encodes a constant request once (its templates are rendered with a null context, which constants never read). The returned buffer is never released; send {@code duplicate()}s of it.
     *
     * @throws IllegalArgumentException if the plan is not constant
     * @throws InvalidRequestException  when a value is not legal where it goes
     */
    public ByteBuf preEncode(RequestPlan plan) {
        if (!plan.isConstant()) throw new IllegalArgumentException("request is not constant");
        StringBuilder body = render(plan, null);
        ByteBuf bytes = Unpooled.directBuffer();
        write(body, bytes);
        return Unpooled.unreleasableBuffer(bytes.asReadOnly());
    }

    /**
     * Renders and encodes a request for one user; the caller owns the returned buffer.
     *
     * @throws InvalidRequestException when a rendered value is not legal where it goes (checked before any
     *                                 buffer is taken)
     */
    public ByteBuf encode(RequestPlan plan, TemplateContext context, ByteBufAllocator allocator) {
        StringBuilder body = render(plan, context);
        ByteBuf bytes = allocator.directBuffer(256);
        write(body, bytes);
        return bytes;
    }

    /** Renders the head into {@link #scratch}, and the body, if any, into the returned builder (else null). */
    private StringBuilder render(RequestPlan plan, TemplateContext context) {
        StringBuilder head = scratch;
        head.setLength(0);
        head.append(plan.method()).append(' ').append(basePath);
        int pathStart = head.length();
        plan.pathAndQuery().appendTo(head, context);
        checkPath(head, pathStart);
        head.append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        boolean userAgentSet = false;
        boolean contentTypeSet = false;
        boolean acceptEncodingSet = false;
        for (RequestPlan.HeaderPlan header : plan.headers()) {
            head.append(header.name()).append(": ");
            int valueStart = head.length();
            header.value().appendTo(head, context);
            checkHeaderValue(head, valueStart, header.name());
            head.append("\r\n");
            userAgentSet |= header.name().equalsIgnoreCase("User-Agent");
            contentTypeSet |= header.name().equalsIgnoreCase("Content-Type");
            acceptEncodingSet |= header.name().equalsIgnoreCase("Accept-Encoding");
        }
        if (!userAgentSet) head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        // As Python's requests (so Locust) and browsers do: servers that compress, compress for us too.
        if (!acceptEncodingSet) head.append("Accept-Encoding: ").append(ACCEPT_ENCODING).append("\r\n");

        StringBuilder body = null;
        if (plan.body() != null) {
            body = bodyScratch;
            body.setLength(0);
            plan.body().text().appendTo(body, context);
            if (!contentTypeSet) head.append("Content-Type: ").append(plan.body().contentType()).append("\r\n");
            head.append("Content-Length: ").append(ByteBufUtil.utf8Bytes(body)).append("\r\n");
        } else if (hasBodySemantics(plan.method())) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        return body;
    }

    private void write(StringBuilder body, ByteBuf out) {
        ByteBufUtil.writeUtf8(out, scratch);
        if (body != null) ByteBufUtil.writeUtf8(out, body);
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
