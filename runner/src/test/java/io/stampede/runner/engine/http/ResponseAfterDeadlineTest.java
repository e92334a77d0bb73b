package io.stampede.runner.engine.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.stampede.runner.engine.EventLoops;
import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A response that arrives after its request's deadline, read before any timeout sweep saw the deadline pass, is a
 * timeout. That is what a loop running late meets (busy, or its process stalled by a loaded machine): when it
 * runs again it reads what arrived meanwhile before it runs its overdue sweep. Under load such requests were
 * counted as successes slower than their timeout (EngineTest: a 200 ms timeout, a success after 1.5 s).
 *
 * <p>Here no sweep runs at all (the connection is used without a loop worker), and the server answers 300 ms
 * after a 50 ms deadline, so the response is always read late, whatever the machine's speed.
 */
class ResponseAfterDeadlineTest {

    @AutoClose
    private static final EventLoops eventLoops = EventLoops.create(1);

    @Test
    void aResponseReadAfterTheDeadlineIsATimeoutNotASuccess() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/late", Behaviour.ok().withDelay(Duration.ofMillis(300)));

            String outcome = sendOnce(server, "/late", 50);

            assertThat(outcome).isEqualTo("failure: " + FailureCauses.timeout(50));
            assertThat(server.requestCount("GET", "/late")).isEqualTo(1);
        }
    }

    @Test
    void aResponseReadBeforeTheDeadlineIsAResponse() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            String outcome = sendOnce(server, "/fast", 30_000);

            assertThat(outcome).isEqualTo("response: 200");
        }
    }

    /** Sends one GET on a new connection of the loop and returns how it ended. */
    private static String sendOnce(TargetServer server, String path, long timeoutMillis) throws Exception {
        EventLoop loop = (EventLoop) eventLoops.group().next();
        ConnectionFactory factory = new ConnectionFactory(loop, new InetSocketAddress("127.0.0.1", server.port()),
                "127.0.0.1", null, true, new ConnectionBudget(16, () -> { }));
        CompletableFuture<String> outcome = new CompletableFuture<>();
        ResponseListener listener = new ResponseListener() {
            @Override
            public void onResponse(Response response) {
                outcome.complete("response: " + response.status());
            }

            @Override
            public void onFailure(String cause, boolean local) {
                outcome.complete("failure: " + cause);
            }
        };
        HttpConnection connection = new HttpConnection(factory);
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        loop.execute(() -> connection.send(Unpooled.wrappedBuffer(request), true, false, false, false, timeoutMillis,
                listener));
        try {
            return outcome.get(10, TimeUnit.SECONDS);
        } finally {
            loop.execute(connection::close);
        }
    }
}
