package io.stampede.runner.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.stampede.runner.scenario.TemplateContext;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a virtual user keeps between its requests, like the session of Python's requests: its cookie jar (made on
 * the first Set-Cookie, so a user of a site that sets none pays nothing) and the redirect chain in flight.
 *
 * <p>A chain is the step's request and the redirects it follows: {@link #encodeFirst} starts one, each
 * {@link #encodeHop} adds a hop. The first request's bytes are kept only when a 307/308 could ask for its body
 * again ({@link StepRuntime#keepsSentBody}), and released when the chain ends ({@link #endChain}).
 *
 * <p>Threading: confined to the user's event loop.
 */
final class UserSession {

    private static final ByteBuf END_OF_HEAD =
            Unpooled.unreleasableBuffer(Unpooled.copiedBuffer("\r\n\r\n", StandardCharsets.US_ASCII));

    private final URI target;
    private final String host;
    private final boolean secure;
    private final boolean cookiesOn;
    private CookieJar jar;

    private int hops;
    private String method;
    /** The path and query (from the target's root) of the request in flight. */
    private String path;
    private ByteBuf sentRequest;
    private long hopStartNanos;

    UserSession(URI target, boolean cookiesOn) {
        this.target = target;
        this.host = target.getHost();
        this.secure = "https".equalsIgnoreCase(target.getScheme());
        this.cookiesOn = cookiesOn;
    }

    /**
     * Starts a chain: the step's request for this user, with the cookies that apply. The caller owns the
     * returned buffer.
     */
    ByteBuf encodeFirst(StepRuntime step, LoopResources loop, TemplateContext user) {
        endChain();
        method = step.plan.request().method();
        ByteBuf request;
        if (step.constantPath != null) {
            path = step.constantPath;
            String cookie = cookieHeader();
            request = cookie == null ? step.encode(loop.encoder, user, loop.allocator)
                    : step.encode(loop.encoder, user, loop.allocator, path, cookie);
        } else {
            path = loop.encoder.renderPath(step.plan.request(), user);
            request = step.encode(loop.encoder, user, loop.allocator, path, cookieHeader());
        }
        if (step.keepsSentBody) sentRequest = request.retainedDuplicate();
        return request;
    }

    /** Follows a redirect: the next request of the chain, to {@code hop}. The caller owns the returned buffer. */
    ByteBuf encodeHop(StepRuntime step, Redirects.Hop hop, LoopResources loop, TemplateContext user) {
        hops++;
        method = hop.method();
        path = hop.pathAndQuery();
        hopStartNanos = System.nanoTime();
        ByteBuf body = hop.keepsBody() && sentRequest != null ? bodyOf(sentRequest) : null;
        return loop.encoder.encodeRedirect(step.plan.request(), user, loop.allocator, hop.method(), path, body,
                cookieHeader());
    }

    /** Keeps the cookies a response set (for the request in flight), when the jar is on. */
    void store(List<String> setCookies) {
        if (!cookiesOn || setCookies.isEmpty()) return;
        if (jar == null) jar = new CookieJar();
        jar.store(host, path, setCookies, System.currentTimeMillis());
    }

    /** Forgets every cookie: a renewal (reauthOn) logs in afresh. */
    void clearCookies() {
        if (jar != null) jar.clear();
    }

    /** Releases what the chain kept. Safe to call any time, repeatedly. */
    void endChain() {
        if (sentRequest != null) {
            sentRequest.release();
            sentRequest = null;
        }
        hops = 0;
    }

    /** Redirects followed so far in this chain. */
    int hops() {
        return hops;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    URI target() {
        return target;
    }

    /** When the hop in flight was sent ({@link System#nanoTime()} scale). */
    long hopStartNanos() {
        return hopStartNanos;
    }

    private String cookieHeader() {
        return jar == null ? null : jar.header(host, path, secure, System.currentTimeMillis());
    }

    private static ByteBuf bodyOf(ByteBuf request) {
        int headEnd = ByteBufUtil.indexOf(END_OF_HEAD.duplicate(), request.duplicate());
        if (headEnd < 0) return null;
        int from = headEnd + 4;
        return request.slice(from, request.writerIndex() - from);
    }
}
