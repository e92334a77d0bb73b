package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small HTTP/1.1 response parser: status line, headers, and a body framed by Content-Length, chunked encoding or
 * the end of the connection. It keeps only what the current request asked for (body text, headers) and otherwise
 * just counts body bytes, so the common case allocates nothing per response.
 *
 * <p>Why not Netty's HttpClientCodec: it builds header maps and message objects for every response, which costs
 * about twice the CPU per request on loopback (see shared/docs/stack.md); a load generator that saturates first
 * measures itself.
 *
 * <p>Threading: one instance per channel, used only on that channel's event loop. Not sharable.
 */
final class HttpResponseDecoder extends ByteToMessageDecoder {

    /** Longest body text kept for extraction and checks; longer bodies are counted in full but kept truncated. */
    static final int MAX_KEPT_BODY_BYTES = 1 << 20;
    /** Longest status or header line accepted. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    /** Where complete responses and protocol errors go. Called on the event loop. */
    interface Sink {
        void onResponse(Response response, boolean connectionClose);

        void onProtocolError(String cause);

        /** The connection ended; {@code midResponse} when a response had started but not finished. */
        void onClosed(boolean midResponse);

        void onException(Throwable cause);
    }

    private enum State { STATUS_LINE, HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, BROKEN }

    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection".getBytes(StandardCharsets.US_ASCII);

    private Sink sink;
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
    private ByteBuf keptBody;
    private List<String[]> headers;

    HttpResponseDecoder(Sink sink) {
        this.sink = sink;
    }

    /** Sets what to keep of the next response. Called before the request is written. */
    void expect(boolean keepBody, boolean keepHeaders, boolean headRequest) {
        this.keepBody = keepBody;
        this.keepHeaders = keepHeaders;
        this.headRequest = headRequest;
    }

    /** Stops all further callbacks (the connection gave up on this channel). */
    void detach() {
        sink = null;
    }

    boolean midResponse() {
        return state != State.STATUS_LINE;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            switch (state) {
                case STATUS_LINE -> {
                    int eol = lineEnd(in);
                    if (eol < 0) return;
                    parseStatusLine(in, eol);
                }
                case HEADERS -> {
                    int eol = lineEnd(in);
                    if (eol < 0) return;
                    parseHeaderLine(in, eol);
                }
                case FIXED_BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(in.readableBytes(), remaining);
                    consumeBody(in, n);
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == State.FIXED_BODY) complete();
                        else state = State.CHUNK_END;
                    }
                }
                case CHUNK_SIZE -> {
                    int eol = lineEnd(in);
                    if (eol < 0) return;
                    parseChunkSize(in, eol);
                }
                case CHUNK_END, TRAILERS -> {
                    int eol = lineEnd(in);
                    if (eol < 0) return;
                    boolean empty = lineLength(in, eol) == 0;
                    in.readerIndex(eol + 1);
                    if (state == State.CHUNK_END) {
                        if (!empty) { protocolError("malformed chunked body"); return; }
                        state = State.CHUNK_SIZE;
                    } else if (empty) {
                        complete();
                    }
                }
                case UNTIL_CLOSE -> consumeBody(in, in.readableBytes());
                case BROKEN -> in.skipBytes(in.readableBytes());
            }
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (state == State.UNTIL_CLOSE) {
            complete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        super.channelInactive(ctx); // runs decodeLast first
        Sink s = sink;
        sink = null;
        if (s != null) s.onClosed(midResponse());
        releaseKeptBody();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Sink s = sink;
        if (s != null) s.onException(cause);
        ctx.close();
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        releaseKeptBody();
    }

    /** Index of the LF ending the current line, or -1 when the line is not complete yet. */
    private int lineEnd(ByteBuf in) {
        int eol = in.forEachByte(in.readerIndex(), in.readableBytes(), ByteProcessor.FIND_LF);
        if (eol < 0 && in.readableBytes() > MAX_LINE_BYTES) {
            protocolError("response line longer than " + MAX_LINE_BYTES + " bytes");
        }
        return eol;
    }

    /** Length of the line from the reader index to eol, without its CR. */
    private static int lineLength(ByteBuf in, int eol) {
        int end = eol;
        if (end > in.readerIndex() && in.getByte(end - 1) == '\r') end--;
        return end - in.readerIndex();
    }

    private void parseStatusLine(ByteBuf in, int eol) {
        int start = in.readerIndex();
        int length = lineLength(in, eol);
        // "HTTP/1.1 200 OK": the code is at offset 9..11.
        if (length < 12 || in.getByte(start) != 'H' || in.getByte(start + 4) != '/' || in.getByte(start + 8) != ' ') {
            protocolError("malformed status line");
            return;
        }
        int code = 0;
        for (int i = 9; i < 12; i++) {
            int digit = in.getByte(start + i) - '0';
            if (digit < 0 || digit > 9) { protocolError("malformed status code"); return; }
            code = code * 10 + digit;
        }
        status = code;
        http10 = in.getByte(start + 7) == '0';
        close = false;
        keepAliveHeader = false;
        chunked = false;
        contentLength = -1;
        bodyBytes = 0;
        if (keepHeaders) headers = new ArrayList<>(8);
        in.readerIndex(eol + 1);
        state = State.HEADERS;
    }

    private void parseHeaderLine(ByteBuf in, int eol) {
        int start = in.readerIndex();
        int length = lineLength(in, eol);
        if (length == 0) {
            in.readerIndex(eol + 1);
            headersDone();
            return;
        }
        int colon = in.indexOf(start, start + length, (byte) ':');
        if (colon < 0) { protocolError("malformed header line"); return; }
        int nameLength = colon - start;
        int valueStart = colon + 1;
        int valueEnd = start + length;
        while (valueStart < valueEnd && AsciiBytes.isSpace(in.getByte(valueStart))) valueStart++;
        while (valueEnd > valueStart && AsciiBytes.isSpace(in.getByte(valueEnd - 1))) valueEnd--;

        if (AsciiBytes.nameIs(in, start, nameLength, CONTENT_LENGTH)) {
            contentLength = AsciiBytes.parseDecimal(in, valueStart, valueEnd);
            if (contentLength < 0) { protocolError("malformed Content-Length"); return; }
        } else if (AsciiBytes.nameIs(in, start, nameLength, TRANSFER_ENCODING)) {
            chunked = AsciiBytes.containsIgnoreCase(in, valueStart, valueEnd, "chunked");
        } else if (AsciiBytes.nameIs(in, start, nameLength, CONNECTION)) {
            if (AsciiBytes.containsIgnoreCase(in, valueStart, valueEnd, "close")) close = true;
            if (AsciiBytes.containsIgnoreCase(in, valueStart, valueEnd, "keep-alive")) keepAliveHeader = true;
        }
        if (keepHeaders) {
            String name = in.toString(start, nameLength, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
            String value = in.toString(valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
            headers.add(new String[] {name, value});
        }
        in.readerIndex(eol + 1);
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

    private void parseChunkSize(ByteBuf in, int eol) {
        int start = in.readerIndex();
        int end = start + lineLength(in, eol);
        long size = 0;
        int digits = 0;
        for (int i = start; i < end; i++) {
            int b = in.getByte(i);
            int value = Character.digit(b, 16);
            if (value < 0) {
                if (b == ';' || AsciiBytes.isSpace((byte) b)) break; // chunk extensions are ignored
                protocolError("malformed chunk size");
                return;
            }
            size = size * 16 + value;
            if (++digits > 15) { protocolError("chunk size too large"); return; }
        }
        if (digits == 0) { protocolError("malformed chunk size"); return; }
        in.readerIndex(eol + 1);
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
    }

    private void consumeBody(ByteBuf in, int n) {
        bodyBytes += n;
        if (keepBody) {
            if (keptBody == null) keptBody = in.alloc().heapBuffer(Math.min(n, 4096));
            int room = MAX_KEPT_BODY_BYTES - keptBody.readableBytes();
            if (room > 0) keptBody.writeBytes(in, in.readerIndex(), Math.min(room, n));
        }
        in.skipBytes(n);
    }

    private void complete() {
        String body = "";
        if (keptBody != null) {
            body = keptBody.toString(StandardCharsets.UTF_8);
            releaseKeptBody();
        }
        List<String[]> kept = keepHeaders && headers != null ? headers : List.of();
        headers = null;
        state = State.STATUS_LINE;
        Sink s = sink;
        if (s != null) s.onResponse(new Response(status, bodyBytes, body, kept), close);
    }

    private void protocolError(String cause) {
        state = State.BROKEN;
        releaseKeptBody();
        Sink s = sink;
        sink = null;
        if (s != null) s.onProtocolError("invalid HTTP response: " + cause);
    }

    private void releaseKeptBody() {
        if (keptBody != null) {
            keptBody.release();
            keptBody = null;
        }
    }
}
