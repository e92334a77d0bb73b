package io.stampede.runner.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Requests written past the pipeline arrive whole and in order, even when the socket takes only part of them. */
class SocketWritesTest {

    private static final int LARGE = 4 << 20;

    private EventLoopGroup loop;
    private ServerSocket server;
    private Socket accepted;
    private Channel channel;

    @BeforeEach
    void connect() throws Exception {
        assumeTrue(Epoll.isAvailable(), "the epoll transport (Linux)");
        loop = new EpollEventLoopGroup(1);
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setReceiveBufferSize(4096);
        channel = new Bootstrap().group(loop).channel(EpollSocketChannel.class)
                .option(ChannelOption.SO_SNDBUF, 4096)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        // writes still queued when a test closes the channel fail here: expected, not news
                    }
                })
                .connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()))
                .sync().channel();
        accepted = server.accept();
    }

    @AfterEach
    void close() throws Exception {
        if (channel != null) channel.close().sync();
        if (accepted != null) accepted.close();
        if (server != null) server.close();
        if (loop != null) loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void aRequestLargerThanTheSocketTakesArrivesWholeAndInOrder() throws Exception {
        ByteBuf request = pattern(LARGE);

        assertThat(onLoop(() -> SocketWrites.write(channel, request))).isTrue();
        long queued = onLoop(() -> channel.unsafe().outboundBuffer().totalPendingWriteBytes());

        assertThat(queued).as("bytes left to the pipeline").isPositive().isLessThan(LARGE);
        byte[] received = new byte[LARGE];
        new DataInputStream(accepted.getInputStream()).readFully(received);
        for (int i = 0; i < LARGE; i++) {
            if (received[i] != (byte) (i * 31)) {
                throw new AssertionError("byte " + i + " is " + received[i] + ", expected " + (byte) (i * 31));
            }
        }
        assertThat(request.refCnt()).as("the request is released once written").isZero();
    }

    @Test
    void leavesTheWriteToThePipelineWhileEarlierBytesAreQueued() throws Exception {
        ByteBuf first = pattern(LARGE);
        assertThat(onLoop(() -> SocketWrites.write(channel, first))).isTrue();
        ByteBuf second = Unpooled.directBuffer(3).writeBytes(new byte[] {1, 2, 3});

        assertThat(onLoop(() -> SocketWrites.write(channel, second))).isFalse();
        assertThat(second.refCnt()).as("not taken: still the caller's").isOne();
        second.release();
    }

    @Test
    void writesNothingForBuffersWithoutAMemoryAddress() throws Exception {
        ByteBuf onHeap = Unpooled.wrappedBuffer(new byte[] {'G', 'E', 'T'});

        assertThat(onLoop(() -> SocketWrites.write(channel, onHeap))).isFalse();
        assertThat(onLoop(() -> channel.unsafe().outboundBuffer().totalPendingWriteBytes())).isZero();
        assertThat(accepted.getInputStream().available()).isZero();
    }

    @Test
    void failsWithTheSocketsErrorAndReleasesTheRequest() throws Exception {
        // The socket's sending side closed behind Netty's back: the next write meets EPIPE.
        onLoop(() -> {
            ((io.netty.channel.unix.Socket) ((EpollSocketChannel) channel).fd()).shutdown(false, true);
            return null;
        });
        ByteBuf request = pattern(64);

        Object outcome = onLoop(() -> {
            try {
                return SocketWrites.write(channel, request);
            } catch (IOException e) {
                return e.getMessage();
            }
        });

        assertThat(String.valueOf(outcome)).contains("Broken pipe");
        assertThat(request.refCnt()).isZero();
    }

    private static ByteBuf pattern(int size) {
        ByteBuf buffer = Unpooled.directBuffer(size);
        for (int i = 0; i < size; i++) buffer.writeByte(i * 31);
        return buffer;
    }

    private <T> T onLoop(Callable<T> action) throws Exception {
        return channel.eventLoop().submit(action).get(10, TimeUnit.SECONDS);
    }
}
