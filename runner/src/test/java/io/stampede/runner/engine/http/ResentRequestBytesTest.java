package io.stampede.runner.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.stampede.plugin.RequestSigner;
import io.stampede.runner.scenario.MultipartPlan;
import io.stampede.runner.scenario.PluginSettings;
import io.stampede.runner.scenario.RequestPlan;
import io.stampede.runner.scenario.SignerPlan;
import io.stampede.runner.scenario.TemplateContext;
import io.stampede.runner.testing.FixedUser;
import io.stampede.runner.scenario.template.TemplateCompiler;
import io.stampede.runner.scenario.template.TemplateScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A request sent again after its kept-alive connection turned out closed goes out with exactly its first bytes:
 * the connection keeps the sent buffer (not a copy) and puts its indices back before the second write. A server on
 * 127.0.0.1 answers the first request and closes without {@code Connection: close}; the second request, written at
 * once from the first one's callback, meets the close and is sent again on a new connection. The request is a
 * signed one pre-encoded but for its signer's headers, in a pooled buffer, as a run sends it.
 */
class ResentRequestBytesTest {

    private static final TemplateContext USER = FixedUser.withId(7);

    private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\nContent-Length: (\\d+)\r\n");

    private EventLoopGroup loops;
    private ServerSocket server;
    private Thread serving;

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
        if (serving != null) serving.join(10_000);
        if (loops != null) loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void onEpollWrittenPastThePipeline() throws Exception {
        assumeTrue(Epoll.isAvailable(), "the epoll transport (Linux)");
        sendsTheSameBytesAgain(new EpollEventLoopGroup(1));
    }

    @Test
    void onNioWrittenByThePipeline() throws Exception {
        // The pipeline's write moves the buffer's reader index to its end: the resend must put it back.
        sendsTheSameBytesAgain(new NioEventLoopGroup(1));
    }

    @Test
    void aLargePutWrittenInPartsIsSentAgainWhole() throws Exception {
        assumeTrue(Epoll.isAvailable(), "the epoll transport (Linux)");
        // 8 MB against a server receive buffer of 64 KB: the socket takes part of the second request, the pipeline
        // holds the rest (the reader index moved) when the close is found. The resend must start from byte 0.
        byte[] file = new byte[8 << 20];
        new SplittableRandom(3).nextBytes(file);
        MultipartPlan form = new MultipartPlan("b0undary", List.of(
                new MultipartPlan.FilePart("f", "big.bin", "application/octet-stream", file)));
        sendsTheSameBytesAgain(new EpollEventLoopGroup(1), plan("PUT",
                new RequestPlan.BodyPlan(form.contentType(), null, form)));
    }

    private static RequestPlan plan(String method, RequestPlan.BodyPlan body) throws Exception {
        // Deterministic, so that the expected bytes can be encoded here from scratch.
        RequestSigner.Signer signer = (request, headers) -> {
            byte[] value = ("sig-of-" + request.pathAndQuery()).getBytes(StandardCharsets.US_ASCII);
            headers.add("X-Signature", value, 0, value.length);
        };
        TemplateScope scope = new TemplateScope(Map.of(), List.of());
        return new RequestPlan(method, TemplateCompiler.compile("/hello?x=1", scope), List.of(), body, 5000, 0, 0,
                new SignerPlan("tag", signer, PluginSettings.NONE));
    }

    private void sendsTheSameBytesAgain(EventLoopGroup group) throws Exception {
        sendsTheSameBytesAgain(group, plan("GET", null));
    }

    private void sendsTheSameBytesAgain(EventLoopGroup group, RequestPlan plan) throws Exception {
        loops = group;
        BlockingQueue<byte[]> received = serveTwoConnections();
        EventLoop loop = loops.next();
        URI target = URI.create("http://127.0.0.1:" + server.getLocalPort());
        RequestEncoder encoder = new RequestEncoder(target);
        SignedConstantRequest preEncoded = encoder.preEncodeSigned(plan);
        ByteBuf fromScratch = encoder.encode(plan, USER, UnpooledByteBufAllocator.DEFAULT);
        byte[] expected = ByteBufUtil.getBytes(fromScratch);
        fromScratch.release();
        HttpConnection connection = new HttpConnection(new ConnectionFactory(loop,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), "127.0.0.1", null,
                false, new ConnectionBudget(100, () -> { })));
        CompletableFuture<String> outcome = new CompletableFuture<>();

        loop.execute(() -> connection.send(encoder.encodeSigned(preEncoded, USER, PooledByteBufAllocator.DEFAULT),
                true, false, false, false, 30_000, new Outcome(outcome) {
                    @Override
                    public void onResponse(Response response) {
                        // On the loop, before it reads the close that came with the answer: the connection is reused.
                        connection.send(encoder.encodeSigned(preEncoded, USER, PooledByteBufAllocator.DEFAULT),
                                true, false, false, false, 30_000, new Outcome(outcome));
                    }
                }));

        assertThat(outcome.get(60, TimeUnit.SECONDS)).isEqualTo("200");
        byte[] first = received.poll(30, TimeUnit.SECONDS);
        byte[] resent = received.poll(30, TimeUnit.SECONDS);
        assertThat(new String(first, 0, Math.min(first.length, 400), StandardCharsets.ISO_8859_1)).contains("\r\nX-Signature: sig-of-/hello?x=1\r\n");
        // Not isEqualTo: a failure would print megabytes.
        assertThat(Arrays.equals(first, expected)).as("the first request is the one encoded from scratch").isTrue();
        assertThat(Arrays.equals(resent, expected)).as("the second request, sent again on the new connection, "
                + "is the one encoded from scratch (%d bytes received, %d expected)", resent.length, expected.length)
                .isTrue();
        loop.submit(connection::close).get(10, TimeUnit.SECONDS);
    }

    /**
     * Serves one request on each of two connections: answers the first and closes it at once (no
     * {@code Connection: close}), answers the second and keeps it open. Hands over each request's head.
     */
    private BlockingQueue<byte[]> serveTwoConnections() throws IOException {
        server = new ServerSocket();
        server.setReceiveBufferSize(64 << 10); // accepted sockets take it, and the kernel stops growing it
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        serving = new Thread(() -> {
            try (Socket first = server.accept()) {
                received.add(readRequest(first.getInputStream()));
                first.getOutputStream().write(ok());
            } catch (IOException e) {
                return;
            }
            try (Socket second = server.accept()) {
                received.add(readRequest(second.getInputStream()));
                second.getOutputStream().write(ok());
                second.getInputStream().read(); // until the client closes (or the test's server socket does)
            } catch (IOException ignored) {
                // the test is over
            }
        }, "resend-test-server");
        serving.setDaemon(true);
        serving.start();
        return received;
    }

    private static byte[] ok() {
        return "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII);
    }

    /** A request's bytes: the head, up to and including its blank line, and the Content-Length bytes after it. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new IOException("closed after " + request.size() + " bytes");
            request.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        Matcher length = CONTENT_LENGTH.matcher(request.toString(StandardCharsets.ISO_8859_1));
        if (length.find()) request.write(in.readNBytes(Integer.parseInt(length.group(1))));
        return request.toByteArray();
    }

    private static class Outcome implements ResponseListener {
        private final CompletableFuture<String> outcome;

        Outcome(CompletableFuture<String> outcome) {
            this.outcome = outcome;
        }

        @Override
        public void onResponse(Response response) {
            outcome.complete(String.valueOf(response.status()));
        }

        @Override
        public void onFailure(String cause, boolean local) {
            outcome.complete("failed: " + cause);
        }
    }
}
