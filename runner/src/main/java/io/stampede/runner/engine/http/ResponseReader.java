package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of a connection's pipeline: hands what the channel receives to a {@link ResponseParser} and
 * tells the connection when the channel ends or fails. Received buffers are copied into the loop's scratch array
 * and released at once, so no buffer outlives the read that filled it (which {@link ReadBuffers} relies on).
 *
 * <p>Threading: one instance per channel, used only on that channel's event loop. Not sharable.
 */
final class ResponseReader extends ChannelInboundHandlerAdapter {

    /** What the connection hears from its channel. Called on the event loop. */
    interface Sink extends ResponseParser.Listener {
        /** Bytes of a response have arrived (called for every read, before they are parsed). */
        default void onResponseBytes() {
        }

        /** The channel has closed (a body framed by the close has been delivered first). */
        void onClosed();

        void onException(Throwable cause);
    }

    private final ResponseParser parser;
    private final byte[] scratch;
    private Sink sink;

    /** @param scratch the event loop's copy buffer, shared by its connections: only used inside one call */
    ResponseReader(Sink sink, byte[] scratch) {
        this.sink = sink;
        this.scratch = scratch;
        this.parser = new ResponseParser(sink);
    }

    /** Sets what to keep of the next response. Called before the request is written. */
    void expect(boolean keepBody, boolean keepHeaders, boolean headRequest) {
        parser.expect(keepBody, keepHeaders, headRequest);
    }

    /** Stops all further callbacks (the connection gave up on this channel). */
    void detach() {
        sink = null;
        parser.detach();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            Sink s = sink;
            if (s != null && in.isReadable()) s.onResponseBytes();
            if (in.hasArray()) {
                parser.feed(in.array(), in.arrayOffset() + in.readerIndex(), in.readableBytes());
            } else {
                int position = in.readerIndex();
                int end = in.writerIndex();
                while (position < end) {
                    int n = Math.min(end - position, scratch.length);
                    in.getBytes(position, scratch, 0, n);
                    parser.feed(scratch, 0, n);
                    position += n;
                }
            }
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        parser.endOfInput();
        Sink s = sink;
        sink = null;
        if (s != null) s.onClosed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Sink s = sink;
        if (s != null) s.onException(cause);
        ctx.close();
    }
}
