package io.stampede.runner.engine.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 response framing over plain byte arrays: status line, headers, and a body framed by Content-Length,
 * chunked encoding or the end of the connection. It keeps only what the current request asked for (body text,
 * headers) and otherwise just counts body bytes, so the common case allocates nothing per response.
 *
 * <p>Pure: no I/O and no Netty; {@link ResponseReader} feeds it what a channel receives. Bytes may arrive in any
 * split: a line cut between two reads is carried over (the only copy the parser makes, and only then).
 *
 * <p>Hand-written instead of Netty's HttpClientCodec, for CPU per request and JIT warm-up: the figures are in
 * docs/decisions.md.
 *
 * <p>Threading: one instance per connection, used only on that connection's event loop.
 */
final class ResponseParser {

    /** Longest body text kept for extraction and checks; longer bodies are counted in full but kept truncated. */
    static final int MAX_KEPT_BODY_BYTES = 1 << 20;
    /** Longest status or header line accepted. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    /** Where complete responses and protocol errors go, synchronously from {@link #feed}. */
    interface Listener {
        void onResponse(Response response, boolean connectionClose);

        /** The bytes are not HTTP; nothing more is parsed on this connection. */
        void onProtocolError(String cause);
    }

    private enum State {
        STATUS_LINE, HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, BROKEN
    }

    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CONTENT_ENCODING = ascii("content-encoding");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");
    private static final byte[] SET_COOKIE = ascii("set-cookie");
    private static final byte[] LOCATION = ascii("location");

    private Listener listener;
    private State state = State.STATUS_LINE;

    // What the request in flight asked for.
    private boolean keepBody;
    private boolean keepHeaders;
    private boolean headRequest;

    // The response being parsed.
    private int status;
    private boolean http10;
    private boolean close;
    private boolean keepAliveHeader;
    private boolean chunked;
    private long contentLength;
    private long remaining;
    private long bodyBytes;
    private byte[] keptBody;
    private int keptBodyLength;
    private List<String[]> headers;
    /** Set-Cookie values (for the user's cookie jar) and the Location (for redirects), kept whatever the step asked
     *  for: they are rare, so the common response allocates nothing for them. */
    private List<String> setCookies;
    private String location;
    /** The body's Content-Encoding in lower case when it must be undone for a kept body, else null. */
    private String contentCoding;

    // A line cut between two reads: its first part, until the rest arrives. Allocated only when needed.
    private byte[] partialLine;
    private int partialLineLength;

    ResponseParser(Listener listener) {
        this.listener = listener;
    }

    /** Sets what to keep of the next response. Called before the request is written. */
    void expect(boolean keepBody, boolean keepHeaders, boolean headRequest) {
        this.keepBody = keepBody;
        this.keepHeaders = keepHeaders;
        this.headRequest = headRequest;
    }

    /** Stops all further callbacks and parsing (the connection gave up on this channel). */
    void detach() {
        listener = null;
    }

    /**
     * Parses received bytes, calling the listener for every response they complete. The array is not kept:
     * the caller may reuse it once this returns.
     */
    void feed(byte[] data, int offset, int length) {
        int position = offset;
        int end = offset + length;
        while (position < end && listener != null) {
            switch (state) {
                case FIXED_BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(end - position, remaining);
                    consumeBody(data, position, n);
                    position += n;
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == State.FIXED_BODY) complete();
                        else state = State.CHUNK_END;
                    }
                }
                case UNTIL_CLOSE -> {
                    consumeBody(data, position, end - position);
                    position = end;
                }
                case BROKEN -> position = end;
                default -> position = line(data, position, end);
            }
        }
    }

    /** The connection ended: a body framed by the end of the connection is complete now. */
    void endOfInput() {
        if (state == State.UNTIL_CLOSE && listener != null) complete();
    }

    /**
     * Handles the line that starts at {@code position}, or carries it over when its end has not arrived.
     * Returns where parsing goes on.
     */
    private int line(byte[] data, int position, int end) {
        int lf = indexOf(data, position, end, (byte) '\n');
        if (lf < 0) {
            carry(data, position, end - position);
            return end;
        }
        if (partialLineLength > 0) {
            carry(data, position, lf + 1 - position);
            if (state == State.BROKEN) return end;
            int lineEnd = partialLineLength - 1;
            partialLineLength = 0;
            lineComplete(partialLine, 0, lineEnd);
        } else {
            lineComplete(data, position, lf);
        }
        return lf + 1;
    }

    private void carry(byte[] data, int position, int length) {
        int needed = partialLineLength + length;
        if (needed > MAX_LINE_BYTES) {
            protocolError("response line longer than " + MAX_LINE_BYTES + " bytes");
            return;
        }
        if (partialLine == null || partialLine.length < needed) {
            int capacity = Math.min(MAX_LINE_BYTES, 2 * needed);
            partialLine = partialLine == null ? new byte[capacity] : Arrays.copyOf(partialLine, capacity);
        }
        System.arraycopy(data, position, partialLine, partialLineLength, length);
        partialLineLength = needed;
    }

    /** A whole line from {@code start} to the LF at {@code lf}; a CR before the LF is not part of it. */
    private void lineComplete(byte[] a, int start, int lf) {
        int end = lf > start && a[lf - 1] == '\r' ? lf - 1 : lf;
        switch (state) {
            case STATUS_LINE -> statusLine(a, start, end);
            case HEADERS -> headerLine(a, start, end);
            case CHUNK_SIZE -> chunkSizeLine(a, start, end);
            case CHUNK_END -> {
                if (end != start) protocolError("malformed chunked body");
                else state = State.CHUNK_SIZE;
            }
            case TRAILERS -> {
                if (end == start) complete();
            }
            default -> throw new IllegalStateException("no line expected in state " + state);
        }
    }

    private void statusLine(byte[] a, int start, int end) {
        // "HTTP/1.1 200 OK" (RFC 9112 4): "HTTP/" DIGIT "." DIGIT, a space, exactly three digits, then a space and a
        // reason phrase, or the end of the line. "HTTP/1.1 2000 OK" is not a 200.
        if (end - start < 12 || a[start] != 'H' || a[start + 1] != 'T' || a[start + 2] != 'T' || a[start + 3] != 'P'
                || a[start + 4] != '/' || !isDigit(a[start + 5]) || a[start + 6] != '.' || !isDigit(a[start + 7])
                || a[start + 8] != ' ') {
            protocolError("malformed status line");
            return;
        }
        if (end - start > 12 && a[start + 12] != ' ') {
            protocolError("malformed status code");
            return;
        }
        int code = 0;
        for (int i = start + 9; i < start + 12; i++) {
            if (!isDigit(a[i])) {
                protocolError("malformed status code");
                return;
            }
            code = code * 10 + a[i] - '0';
        }
        if (code < 100) {
            protocolError("malformed status code");
            return;
        }
        status = code;
        http10 = a[start + 7] == '0';
        close = false;
        keepAliveHeader = false;
        chunked = false;
        contentLength = -1;
        contentCoding = null;
        bodyBytes = 0;
        if (keepHeaders) headers = new ArrayList<>(8);
        setCookies = null;
        location = null;
        state = State.HEADERS;
    }

    private void headerLine(byte[] a, int start, int end) {
        if (end == start) {
            headersDone();
            return;
        }
        int colon = indexOf(a, start, end, (byte) ':');
        if (colon < 0) {
            protocolError("malformed header line");
            return;
        }
        int nameLength = colon - start;
        int valueStart = colon + 1;
        int valueEnd = end;
        while (valueStart < valueEnd && isSpace(a[valueStart])) valueStart++;
        while (valueEnd > valueStart && isSpace(a[valueEnd - 1])) valueEnd--;

        if (equalsIgnoreCase(a, start, nameLength, CONTENT_LENGTH)) {
            contentLength = parseDecimal(a, valueStart, valueEnd);
            if (contentLength < 0) {
                protocolError("malformed Content-Length");
                return;
            }
        } else if (equalsIgnoreCase(a, start, nameLength, TRANSFER_ENCODING)) {
            chunked = containsIgnoreCase(a, valueStart, valueEnd, CHUNKED);
        } else if (equalsIgnoreCase(a, start, nameLength, CONNECTION)) {
            // Nearly every response says just "keep-alive": one comparison, and the token search stays off the
            // request path (its loop once cost a recompilation of the parser, docs/benchmarks.md).
            if (equalsIgnoreCase(a, valueStart, valueEnd - valueStart, KEEP_ALIVE)) {
                keepAliveHeader = true;
            } else {
                if (containsIgnoreCase(a, valueStart, valueEnd, CLOSE)) close = true;
                if (containsIgnoreCase(a, valueStart, valueEnd, KEEP_ALIVE)) keepAliveHeader = true;
            }
        } else if (equalsIgnoreCase(a, start, nameLength, SET_COOKIE)) {
            if (setCookies == null) setCookies = new ArrayList<>(2);
            setCookies.add(new String(a, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8));
        } else if (equalsIgnoreCase(a, start, nameLength, LOCATION)) {
            location = new String(a, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
        }
        if (keepBody && equalsIgnoreCase(a, start, nameLength, CONTENT_ENCODING)) {
            String coding = new String(a, valueStart, valueEnd - valueStart, StandardCharsets.US_ASCII)
                    .toLowerCase(Locale.ROOT);
            contentCoding = coding.isEmpty() || coding.equals("identity") ? null : coding;
        }
        if (keepHeaders) {
            String name = new String(a, start, nameLength, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            String value = new String(a, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
            headers.add(new String[] {name, value});
        }
    }

    private void headersDone() {
        if (http10 && !keepAliveHeader) close = true;
        if (status >= 100 && status < 200) {
            // An interim response (e.g. 103 Early Hints): the real one follows.
            state = State.STATUS_LINE;
            return;
        }
        if (headRequest || status == 204 || status == 304) {
            complete();
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            if (remaining == 0) complete();
            else state = State.FIXED_BODY;
        } else {
            close = true;
            state = State.UNTIL_CLOSE;
        }
    }

    private void chunkSizeLine(byte[] a, int start, int end) {
        long size = 0;
        int digits = 0;
        for (int i = start; i < end; i++) {
            int value = Character.digit(a[i], 16);
            if (value < 0) {
                if (a[i] == ';' || isSpace(a[i])) break; // chunk extensions are ignored
                protocolError("malformed chunk size");
                return;
            }
            size = size * 16 + value;
            if (++digits > 15) {
                protocolError("chunk size too large");
                return;
            }
        }
        if (digits == 0) {
            protocolError("malformed chunk size");
            return;
        }
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
    }

    private void consumeBody(byte[] data, int position, int n) {
        bodyBytes += n;
        if (!keepBody) return;
        int kept = Math.min(n, MAX_KEPT_BODY_BYTES - keptBodyLength);
        if (kept <= 0) return;
        int needed = keptBodyLength + kept;
        if (keptBody == null || keptBody.length < needed) {
            int doubled = keptBody == null ? 256 : 2 * keptBody.length;
            int capacity = Math.min(MAX_KEPT_BODY_BYTES, Math.max(needed, doubled));
            keptBody = keptBody == null ? new byte[capacity] : Arrays.copyOf(keptBody, capacity);
        }
        System.arraycopy(data, position, keptBody, keptBodyLength, kept);
        keptBodyLength = needed;
    }

    private void complete() {
        String body = "";
        String bodyProblem = null;
        if (keptBody != null) {
            byte[] bytes = keptBody;
            int length = keptBodyLength;
            if (contentCoding != null) {
                try {
                    bytes = BodyDecoder.decode(contentCoding, keptBody, keptBodyLength, MAX_KEPT_BODY_BYTES);
                    length = bytes.length;
                } catch (BodyDecoder.UndecodableBody e) {
                    bytes = null;
                    bodyProblem = e.getMessage();
                }
            }
            if (bytes != null) body = new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
        keptBody = null;
        keptBodyLength = 0;
        List<String[]> kept = keepHeaders && headers != null ? headers : List.of();
        headers = null;
        state = State.STATUS_LINE;
        Listener l = listener;
        List<String> cookies = setCookies == null ? List.of() : setCookies;
        setCookies = null;
        if (l != null) l.onResponse(new Response(status, bodyBytes, body, kept, bodyProblem, cookies, location), close);
    }

    private void protocolError(String cause) {
        state = State.BROKEN;
        keptBody = null;
        partialLine = null;
        partialLineLength = 0;
        Listener l = listener;
        listener = null;
        if (l != null) l.onProtocolError("invalid HTTP response: " + cause);
    }

    // ASCII helpers: header names, numbers and tokens are read straight from the bytes, never decoded.

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) return i;
        }
        return -1;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static int lowerCase(int b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    /** Whether [start, start + length) is the lower-case ASCII token, ignoring case. */
    private static boolean equalsIgnoreCase(byte[] a, int start, int length, byte[] token) {
        if (length != token.length) return false;
        for (int i = 0; i < length; i++) {
            if (lowerCase(a[start + i]) != token[i]) return false;
        }
        return true;
    }

    /** The decimal number in [start, end), or -1 when it is empty, not all digits or longer than 18 digits. */
    private static long parseDecimal(byte[] a, int start, int end) {
        if (start >= end || end - start > 18) return -1;
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = a[i] - '0';
            if (digit < 0 || digit > 9) return -1;
            value = value * 10 + digit;
        }
        return value;
    }

    /** Whether [start, end) contains the lower-case ASCII token, ignoring case. */
    private static boolean containsIgnoreCase(byte[] a, int start, int end, byte[] token) {
        int last = end - token.length;
        outer:
        for (int i = start; i <= last; i++) {
            for (int j = 0; j < token.length; j++) {
                if (lowerCase(a[i + j]) != token[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
