package io.stampede.runner.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollEventLoop;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLParameters;

import java.net.InetSocketAddress;

/**
 * Opens connections to the target from one event loop: TCP_NODELAY, optional TLS with SNI, the loop's shared
 * read buffer (plain HTTP) and the response reader. The address is resolved once, before the run, so no DNS
 * lookup ever blocks an event loop.
 *
 * <p>Threading: {@link #connect} is called on the owning event loop.
 */
public final class ConnectionFactory {

    private final EventLoop eventLoop;
    private final Bootstrap bootstrap;
    private final InetSocketAddress address;
    private final String host;
    private final SslContext ssl;
    private final boolean verifyHostName;
    private final ConnectionBudget budget;
    /** The loop's copy buffer for received bytes (see ResponseReader). */
    private final byte[] readScratch = new byte[ReadBuffers.CAPACITY];

    /**
     * @param address the target's resolved address
     * @param host    the host name as written in the target (for TLS SNI and certificate checks)
     * @param ssl     the TLS context for https targets, or null for plain http
     * @param verifyHostName whether the certificate must name the host (off only with --insecure)
     * @param budget  the file descriptors the engine's connections may take, shared by its loops
     */
    public ConnectionFactory(EventLoop eventLoop, InetSocketAddress address, String host, SslContext ssl,
                             boolean verifyHostName, ConnectionBudget budget) {
        this.eventLoop = eventLoop;
        this.address = address;
        this.host = host;
        this.ssl = ssl;
        this.verifyHostName = verifyHostName;
        this.budget = budget;
        this.bootstrap = new Bootstrap()
                .group(eventLoop)
                .channel(eventLoop instanceof EpollEventLoop ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                // Request timeouts cover connecting too (see HttpConnection); this is only a backstop.
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 120_000);
        if (ssl == null) bootstrap.option(ChannelOption.RCVBUF_ALLOCATOR, new ReadBuffers());
    }

    public EventLoop eventLoop() {
        return eventLoop;
    }

    /** True when requests may bypass the pipeline ({@link SocketWrites}): plain HTTP on the epoll transport. */
    boolean writesDirectly() {
        return ssl == null && eventLoop instanceof EpollEventLoop;
    }

    /** A reader for a new connection's responses, sharing this loop's scratch buffer. */
    ResponseReader newReader(ResponseReader.Sink sink) {
        return new ResponseReader(sink, readScratch);
    }

    /**
     * Starts connecting a new channel, registered on this loop; its descriptor returns to the budget when it closes.
     *
     * @throws CannotConnect when no socket could be created (no descriptor left, or the kernel refused one): nothing
     *                       is open then, and the request never left the generator
     */
    ChannelFuture connect(ResponseReader reader) throws CannotConnect {
        if (!budget.tryAcquire()) throw new CannotConnect(FailureCauses.NO_FILE_DESCRIPTORS);
        ChannelFuture connecting = newChannel(reader);
        Channel channel = connecting.channel();
        if (!channel.isRegistered()) {
            // Netty hands back a FailedChannel when the socket cannot be created: never registered, it has no
            // event loop, so it cannot be closed and its future's listeners run on another thread.
            budget.release();
            String cause = FailureCauses.of(connecting.cause());
            if (cause.equals(FailureCauses.NO_FILE_DESCRIPTORS)) budget.exhaustedByTheSystem();
            throw new CannotConnect(cause);
        }
        channel.closeFuture().addListener(closed -> budget.release());
        return connecting;
    }

    /** A connection that could not even be started; {@link #getMessage()} is the failure's cause. */
    static final class CannotConnect extends Exception {
        CannotConnect(String cause) {
            super(cause, null, false, false);
        }
    }

    private ChannelFuture newChannel(ResponseReader reader) {
        return bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                if (ssl != null) {
                    SslHandler tls = ssl.newHandler(channel.alloc(), host, address.getPort());
                    if (verifyHostName) {
                        // Netty 4.1 checks only the chain by default; a browser also checks the name.
                        SSLParameters parameters = tls.engine().getSSLParameters();
                        parameters.setEndpointIdentificationAlgorithm("HTTPS");
                        tls.engine().setSSLParameters(parameters);
                    }
                    channel.pipeline().addLast(tls);
                }
                channel.pipeline().addLast(reader);
            }
        }).connect(address);
    }
}
