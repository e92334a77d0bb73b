package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;

import java.nio.ByteBuffer;

/**
 * Where the reads of one event loop's plain-HTTP connections land: a single direct buffer, reused by every read
 * of every connection on that loop, instead of a pooled buffer taken and given back per read (Netty's default,
 * dearer per request: docs/decisions.md).
 *
 * <p>Contract: a read buffer must be released before the loop reads again. {@link ResponseReader} copies and
 * releases each buffer inside the read that filled it, and without it Netty's pipeline tail releases what
 * reaches it. TLS connections must not use this: {@code SslHandler} keeps partial records across reads. Should
 * the buffer still be held anyway, a read takes a pooled buffer as usual, so bytes are never overwritten.
 *
 * <p>Threading: one instance per event loop, used only on that loop.
 */
final class ReadBuffers extends DefaultMaxMessagesRecvByteBufAllocator {

    /** Bytes one read may take; a larger response is read in several. */
    static final int CAPACITY = 64 * 1024;
    /** Reads per readiness event before the loop serves other channels (Netty's default for stream sockets). */
    private static final int MAX_READS_PER_EVENT = 16;

    // JDK-managed memory (freed by the garbage collector with this object), so nothing needs closing.
    private final ByteBuf buffer = Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(CAPACITY));

    ReadBuffers() {
        super(MAX_READS_PER_EVENT);
    }

    @Override
    public Handle newHandle() {
        return new MaxMessageHandle() {
            @Override
            public ByteBuf allocate(ByteBufAllocator alloc) {
                if (buffer.refCnt() != 1) return alloc.ioBuffer(CAPACITY);
                return buffer.retain().clear();
            }

            @Override
            public int guess() {
                return CAPACITY;
            }
        };
    }
}
