package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.stampede.plugin.OutgoingRequest;
import io.stampede.plugin.RequestSigner;
import io.stampede.plugin.UserContext;
import io.stampede.runner.plugin.PluginCallException;
import io.stampede.runner.plugin.PluginCalls;
import io.stampede.runner.scenario.SignerPlan;
import io.stampede.runner.scenario.TemplateContext;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * A request head being encoded, as a {@link RequestSigner} sees it, and where its headers go: their bytes
 * ({@code Name: value CRLF} each) are written to a buffer the encoder then places after the request's own headers,
 * before Content-Length. One instance per {@link RequestEncoder}, reused for every signed request; valid only during
 * {@link #sign}.
 *
 * <p>The head the signer reads is text (the request line and headers, each ending in CRLF): a builder being
 * rendered, or a pre-encoded request's head kept as a String. What the signer adds is seen by
 * {@link #header}/{@link #forEachHeader} in the same call, after the request's own headers.
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
    private CharSequence head;
    private int pathStart;
    private int pathEnd;
    /** The path as a String, made on the first {@link #pathAndQuery()} of a call when none was given. */
    private String path;
    private ByteBuffer body;
    private ByteBuf added;

    SigningRequest(String host) {
        this.host = host;
    }

    /**
     * Calls the plan's signer on a request head, writing the header lines it adds to {@code added}.
     *
     * @param head  the request line and headers so far, each line ending in CRLF; the path is
     *              {@code head[pathStart, pathEnd)}
     * @param path  that path as a String when the caller has one (a pre-encoded request), else null
     * @param body  the body as sent, or null for none; read through duplicates, so it may be shared by threads
     * @param added empty; where the added header lines are written (all of it is this call's)
     * @throws PluginCallException     when the signer throws: {@code plugin NAME: <message>}
     * @throws InvalidRequestException when it adds a header that is not legal (never quoting the value)
     */
    void sign(SignerPlan plan, TemplateContext user, String method, CharSequence head, int pathStart, int pathEnd,
              String path, ByteBuffer body, ByteBuf added) {
        this.plan = plan;
        this.user = user;
        this.method = method;
        this.head = head;
        this.pathStart = pathStart;
        this.pathEnd = pathEnd;
        this.path = path;
        this.body = body == null ? EMPTY : body;
        this.added = added;
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
            this.path = null;
            this.body = null;
            this.added = null;
        }
    }

    @Override
    public void add(String name, String value) {
        checkName(name);
        if (value == null) {
            throw new InvalidRequestException("invalid request: plugin " + plan.name() + " added header " + name
                    + " without a value");
        }
        for (int i = 0; i < value.length(); i++) {
            checkValueChar(value.charAt(i), name);
        }
        writeName(name);
        ByteBufUtil.reserveAndWriteUtf8(added, value, ByteBufUtil.utf8Bytes(value));
        added.writeByte('\r').writeByte('\n');
    }

    @Override
    public void add(String name, byte[] value, int offset, int length) {
        checkName(name);
        if (value == null) {
            throw new InvalidRequestException("invalid request: plugin " + plan.name() + " added header " + name
                    + " without a value");
        }
        if (offset < 0 || length < 0 || offset > value.length - length) {
            throw new IndexOutOfBoundsException("value bytes [" + offset + ", " + offset + " + " + length
                    + ") outside an array of " + value.length);
        }
        for (int i = offset; i < offset + length; i++) {
            checkValueChar((char) (value[i] & 0xff), name);
        }
        writeName(name);
        added.writeBytes(value, offset, length);
        added.writeByte('\r').writeByte('\n');
    }

    private void checkName(String name) {
        if (!isToken(name)) {
            throw new InvalidRequestException("invalid request: plugin " + plan.name()
                    + " added a header whose name is not a token");
        }
    }

    /** A control character (a line break would smuggle a header); bytes of UTF-8 sequences are >= 0x80 and pass. */
    private void checkValueChar(char c, String name) {
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            throw new InvalidRequestException("invalid request: plugin " + plan.name() + " added header " + name
                    + " containing " + (c == '\r' || c == '\n' ? "a line break" : "a control character"));
        }
    }

    /** {@code Name: }; the name is a token (checked), so ASCII. */
    private void writeName(String name) {
        added.ensureWritable(name.length() + 2);
        for (int i = 0; i < name.length(); i++) {
            added.writeByte(name.charAt(i));
        }
        added.writeByte(':').writeByte(' ');
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
        if (path == null) {
            path = head.subSequence(pathStart, pathEnd).toString();
        }
        return path;
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
        forEachLine(head, action);
        if (added.isReadable()) {
            forEachLine("\r\n" + added.toString(StandardCharsets.UTF_8), action);
        }
    }

    /** Each {@code Name: value} line of {@code text} after its first line. */
    private static void forEachLine(CharSequence text, BiConsumer<String, String> action) {
        String head = text.toString();
        int line = head.indexOf("\r\n") + 2;
        while (line < head.length()) {
            int end = head.indexOf("\r\n", line);
            if (end < 0) {
                end = head.length();
            }
            int colon = head.indexOf(':', line);
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
        // Empty and read-only, EMPTY cannot be changed by a reader: shared rather than duplicated per call.
        return body.hasRemaining() ? body.duplicate() : EMPTY;
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
