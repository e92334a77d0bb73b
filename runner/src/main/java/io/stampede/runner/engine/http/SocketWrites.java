package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.epoll.EpollSocketChannel;

import java.io.IOException;

/**
 * Writes a request straight to a plain-HTTP epoll socket, without Netty's outbound pipeline.
 *
 * <p>Why not the pipeline: a request is one small write with nothing else queued, and the pipeline's write and
 * flush cost CPU per request and JIT warm-up (docs/decisions.md).
 *
 * <p>Contract: returns false, having written nothing, whenever the pipeline must be used instead: TLS or another
 * handler that writes (the caller decides, see {@link ConnectionFactory#writesDirectly}), a transport other than
 * epoll, a buffer without a memory address, or bytes still queued in Netty's outbound buffer (they must go
 * first). A partial write passes the rest to the pipeline, which waits for the socket to become writable.
 *
 * <p>Threading: on the channel's event loop only.
 */
final class SocketWrites {

    private SocketWrites() {
    }

    /**
     * Writes {@code request} to {@code channel}'s socket, handing what the socket does not take to the pipeline.
     *
     * @return true if the request is written or queued (the caller then releases nothing: the request has been
     *         released or passed on), false if nothing was done and the caller must use the pipeline
     * @throws IOException when the socket fails (reset, broken pipe); the request is released
     */
    static boolean write(Channel channel, ByteBuf request) throws IOException {
        if (!(channel instanceof EpollSocketChannel socket) || !request.hasMemoryAddress()) return false;
        ChannelOutboundBuffer queued = channel.unsafe().outboundBuffer();
        if (queued == null || queued.totalPendingWriteBytes() != 0) return false;
        int start = request.readerIndex();
        int end = request.writerIndex();
        int written;
        try {
            written = socket.fd().writeAddress(request.memoryAddress(), start, end);
        } catch (IOException e) {
            request.release();
            throw e;
        }
        if (written == end - start) {
            request.release();
        } else {
            // The socket's send buffer is full (0 means it would block): the pipeline writes the rest in order.
            request.readerIndex(start + written);
            channel.writeAndFlush(request, channel.voidPromise());
        }
        return true;
    }
}
