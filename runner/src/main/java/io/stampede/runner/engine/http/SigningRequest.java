package io.stampede.runner.engine.http;

import io.stampede.plugin.OutgoingRequest;
import io.stampede.plugin.RequestSigner;
import io.stampede.plugin.UserContext;
import io.stampede.runner.plugin.PluginCallException;
import io.stampede.runner.plugin.PluginCalls;
import io.stampede.runner.scenario.SignerPlan;
import io.stampede.runner.scenario.TemplateContext;

import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

/**
 * A request head being encoded, as a {@link RequestSigner} sees it, and where its headers go: they are appended to
 * the head (after the request's own, before Content-Length). One instance per {@link RequestEncoder}, reused for
 * every signed request; valid only during {@link #sign}.
 *
 * <p>Threading: the encoder's, one event loop.
 */
final class SigningRequest implements OutgoingRequest, RequestSigner.HeaderWriter {

    /** RFC 9110's tchar, by ASCII code: what a header name may hold. A table, not a regex: it runs per request. */
    private static final boolean[] TOKEN_CHAR = new boolean[128];

    static {
        for (char c : "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray()) {
            TOKEN_CHAR[c] = true;
        }
    }
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final String host;
    private SignerPlan plan;
    private TemplateContext user;
    private String method;
    private StringBuilder head;
    private int pathStart;
    private int pathEnd;
    private ByteBuffer body;

    SigningRequest(String host) {
        this.host = host;
    }

    /**
     * Calls the plan's signer on the head as encoded so far ({@code head} holds the request line and headers, each
     * ending in CRLF), appending what it adds.
     *
     * @param body the body as sent, or null for none
     * @throws PluginCallException     when the signer throws: {@code plugin NAME: <message>}
     * @throws InvalidRequestException when it adds a header that is not legal (never quoting the value)
     */
    void sign(SignerPlan plan, TemplateContext user, String method, StringBuilder head, int pathStart, int pathEnd,
              ByteBuffer body) {
        this.plan = plan;
        this.user = user;
        this.method = method;
        this.head = head;
        this.pathStart = pathStart;
        this.pathEnd = pathEnd;
        this.body = body == null ? EMPTY : body;
        PluginCalls.Slot slot = PluginCalls.enter(plan.name());
        try {
            plan.signer().sign(this, this);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new PluginCallException(plan.name(), e);
        } finally {
            slot.exit();
            this.user = null;
            this.head = null;
            this.body = null;
        }
    }

    @Override
    public void add(String name, String value) {
        if (!isToken(name)) {
            throw new InvalidRequestException("invalid request: plugin " + plan.name()
                    + " added a header whose name is not a token");
        }
        if (value == null) {
            throw new InvalidRequestException("invalid request: plugin " + plan.name() + " added header " + name
                    + " without a value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new InvalidRequestException("invalid request: plugin " + plan.name() + " added header " + name
                        + " containing " + (c == '\r' || c == '\n' ? "a line break" : "a control character"));
            }
        }
        head.append(name).append(": ").append(value).append("\r\n");
    }

    private static boolean isToken(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 128 || !TOKEN_CHAR[c]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String pathAndQuery() {
        return head.substring(pathStart, pathEnd);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String header(String name) {
        String[] found = new String[1];
        forEachHeader((headerName, value) -> {
            if (found[0] == null && headerName.equalsIgnoreCase(name)) {
                found[0] = value;
            }
        });
        return found[0];
    }

    @Override
    public void forEachHeader(BiConsumer<String, String> action) {
        int line = head.indexOf("\r\n") + 2;
        while (line < head.length()) {
            int end = head.indexOf("\r\n", line);
            if (end < 0) {
                end = head.length();
            }
            int colon = head.indexOf(":", line);
            if (colon > line && colon < end) {
                int valueStart = colon + 1;
                while (valueStart < end && head.charAt(valueStart) == ' ') {
                    valueStart++;
                }
                action.accept(head.substring(line, colon), head.substring(valueStart, end));
            }
            line = end + 2;
        }
    }

    @Override
    public ByteBuffer body() {
        return body.duplicate();
    }

    @Override
    public String setting(String name) {
        return plan.settings().value(name, user);
    }

    @Override
    public UserContext user() {
        return user;
    }
}
