package io.stampede.runner.engine;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslProvider;
import io.stampede.runner.engine.http.TlsContexts;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.WaitPlan;
import io.stampede.runner.testing.LocalhostKeystore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.stampede.runner.engine.Plans.constantLoad;
import static io.stampede.runner.engine.Plans.plan;
import static io.stampede.runner.engine.Plans.task;
import static io.stampede.runner.engine.Plans.userClass;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTPS through BoringSSL: the native provider is the one used here (linux-x86_64), it says nothing about a
 * fallback, and a user that must reconnect resumes its TLS session instead of paying a full handshake.
 *
 * <p>The target is a real HTTPS server on 127.0.0.1 (Netty with BoringSSL, so its session statistics count the
 * resumed handshakes) that closes every connection after its response, as a server with keep-alive off does.
 */
class TlsSessionsTest {

    @TempDir
    static Path dir;
    private static NioEventLoopGroup serverLoop;
    private static Channel server;
    private static SslContext serverTls;
    private static EventLoops eventLoops;
    /** The DER size of the server's certificate: a full handshake sends it, a resumed one does not. */
    private static int certificateBytes;
    private static final AtomicLong fullHandshakes = new AtomicLong();
    private static final AtomicLong resumedHandshakes = new AtomicLong();
    private static final ConcurrentLinkedQueue<String> protocols = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void startTlsServer() throws Exception {
        LocalhostKeystore keystore = LocalhostKeystore.create(dir);
        KeyStore store = keystore.load();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, keystore.password().toCharArray());
        certificateBytes = store.getCertificate(LocalhostKeystore.ALIAS).getEncoded().length;
        // The server would speak h2 if offered it: the client offers only what the engine speaks.
        serverTls = SslContextBuilder.forServer(keys).sslProvider(SslProvider.OPENSSL)
                .applicationProtocolConfig(new ApplicationProtocolConfig(Protocol.ALPN,
                        SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT, "h2", "http/1.1"))
                .build();

        serverLoop = new NioEventLoopGroup(1);
        server = new ServerBootstrap().group(serverLoop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        SslHandler tls = serverTls.newHandler(channel.alloc());
                        channel.pipeline().addLast(new SentBytes(), tls, new HttpServerCodec(), new HttpObjectAggregator(4096),
                                new OneAnswerThenClose());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    /**
     * Counts what the server sends, beneath TLS. Before the handshake completes, that tells a full handshake from a
     * resumed one: a full TLS 1.3 handshake carries the certificate (and a signature), a resumed one (a
     * pre-shared key from a ticket) neither. BoringSSL keeps no session statistics, and this holds for any
     * provider on either side.
     */
    private static final class SentBytes extends ChannelOutboundHandlerAdapter {
        long sent;

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof ByteBuf bytes) sent += bytes.readableBytes();
            context.write(message, promise);
        }
    }

    /** Answers "secure" with Connection: close, then closes: every request after a user's first reconnects. */
    private static final class OneAnswerThenClose extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
                long sent = context.pipeline().get(SentBytes.class).sent;
                (sent >= certificateBytes ? fullHandshakes : resumedHandshakes).incrementAndGet();
            }
            context.fireUserEventTriggered(event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            SslHandler tls = context.pipeline().get(SslHandler.class);
            if (tls.applicationProtocol() != null) protocols.add(tls.applicationProtocol());
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer("secure", StandardCharsets.US_ASCII));
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 6)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (eventLoops != null) eventLoops.close();
        if (server != null) server.close().sync();
        if (serverLoop != null) serverLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void usesBoringSslWithoutSayingAnythingAboutAFallback() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        SslContext client = TlsContexts.client(true, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(TlsContexts.provider()).isEqualTo(SslProvider.OPENSSL);
        assertThat(client.sessionContext()).as("a BoringSSL context").isInstanceOf(OpenSslSessionContext.class);
        assertThat(client.applicationProtocolNegotiator().protocols()).containsExactly("http/1.1");
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void usersThatReconnectResumeTheirTlsSessions() throws Exception {
        eventLoops = EventLoops.create(1);
        Plans.Rows rows = new Plans.Rows();
        CollectingSink sink = new CollectingSink();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        TestPlan plan = plan("https://localhost:" + port, rows, constantLoad(2, 2000), 2000,
                userClass("u", new WaitPlan.Constant(20), task("s", 1, rows.get("/secure"))));

        new Engine(eventLoops.group(), plan, sink, EngineOptions.defaults().withInsecureTls(true))
                .start().get(30, TimeUnit.SECONDS);

        long requests = sink.row("GET", "/secure").requests();
        assertThat(sink.row("GET", "/secure").failures()).isZero();
        assertThat(requests).as("requests, each on a new connection").isGreaterThan(10);
        assertThat(fullHandshakes.get() + resumedHandshakes.get()).isEqualTo(requests);
        // Each of the 2 users pays one full handshake (both may start before either has a ticket); every
        // reconnection after that resumes.
        assertThat(fullHandshakes.get()).as("full handshakes").isBetween(1L, 2L);
        assertThat(resumedHandshakes.get()).as("resumed handshakes").isGreaterThanOrEqualTo(requests - 2);
        assertThat(protocols).as("ALPN agreed on HTTP/1.1").isNotEmpty().containsOnly("http/1.1");
    }
}
