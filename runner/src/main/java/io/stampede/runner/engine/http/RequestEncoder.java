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
     */
    public ByteBuf preEncode(RequestPlan plan) {
        if (!plan.isConstant()) throw new IllegalArgumentException("request is not constant");
        ByteBuf bytes = Unpooled.directBuffer();
        write(plan, null, bytes);
        return Unpooled.unreleasableBuffer(bytes.asReadOnly());
    }

    /** Renders and encodes a request for one user; the caller owns the returned buffer. */
    public ByteBuf encode(RequestPlan plan, TemplateContext context, ByteBufAllocator allocator) {
        ByteBuf bytes = allocator.directBuffer(256);
        write(plan, context, bytes);
        return bytes;
    }

    private void write(RequestPlan plan, TemplateContext context, ByteBuf out) {
        StringBuilder head = scratch;
        head.setLength(0);
        head.append(plan.method()).append(' ').append(basePath);
        plan.pathAndQuery().appendTo(head, context);
        head.append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        boolean userAgentSet = false;
        boolean contentTypeSet = false;
        for (RequestPlan.HeaderPlan header : plan.headers()) {
            head.append(header.name()).append(": ");
            header.value().appendTo(head, context);
            head.append("\r\n");
            userAgentSet |= header.name().equalsIgnoreCase("User-Agent");
            contentTypeSet |= header.name().equalsIgnoreCase("Content-Type");
        }
        if (!userAgentSet) head.append("User-Agent: ").append(USER_AGENT).append("\r\n");

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
        ByteBufUtil.writeUtf8(out, head);
        if (body != null) ByteBufUtil.writeUtf8(out, body);
    }

    private static boolean hasBodySemantics(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }
}
