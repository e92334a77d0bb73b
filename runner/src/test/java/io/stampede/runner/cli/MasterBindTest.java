package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Without {@code --bind} the master listens on 127.0.0.1:5557 only: its status, report and metrics need no token,
 * so they are not offered to the network unless asked ({@code --bind 0.0.0.0:5557}, as the operator passes).
 */
class MasterBindTest {

    private static final int DEFAULT_PORT = 5557;

    @TempDir
    Path dir;

    @Test
    void theMasterListensOnLoopbackOnlyUnlessToldOtherwise() throws Exception {
        Optional<InetAddress> lanAddress = nonLoopbackAddress();
        assumeTrue(lanAddress.isPresent(), "this machine has no non-loopback IPv4 address to try");
        assumeTrue(portFree(), "port 5557 is in use here (another master?)");
        Path token = Files.writeString(dir.resolve("token"), "bind-test-token-1234567890");
        Path test = file(dir, "bind.yaml", """
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                metadata: {name: bind}
                spec:
                  target: http://127.0.0.1:1
                  load: {users: 1, duration: 1s}
                  userClasses:
                    - name: u
                      tasks:
                        - {request: {method: GET, path: /}}
                """, "");

        // The master waits for a worker that never comes, until this test stops it through its API: how slowly
        // it starts on a busy machine decides nothing (a 4 s wait and a 3 s connect deadline once raced there).
        CompletableFuture<Cli.Outcome> master = CompletableFuture.supplyAsync(() -> stampede("master",
                test.toString(), "--expect-workers", "1", "--wait-for-workers", "5m", "--keep-serving", "0s",
                "--token-file", token.toString(), "-q"));
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", DEFAULT_PORT);
        try {
            assertThat(connectsBeforeItEnds(loopback, master, 60_000))
                    .as("the master listens on 127.0.0.1:5557").isTrue();
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(lanAddress.get(), DEFAULT_PORT), 1_000);
                }
            }).as("not on %s", lanAddress.get()).isInstanceOf(ConnectException.class);
        } finally {
            if (!master.isDone()) stop(loopback, Files.readString(token));
            Cli.Outcome outcome = master.get(60, TimeUnit.SECONDS);
            assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(ExitCode.COULD_NOT_RUN.code());
        }
    }

    /** True once a connection to {@code address} succeeds; false when the master ended or the deadline passed. */
    private static boolean connectsBeforeItEnds(InetSocketAddress address, CompletableFuture<Cli.Outcome> master,
                                                long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline && !master.isDone()) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    /** POST /api/v1/stop with the token: the waiting master gives up (exit 3). */
    private static void stop(InetSocketAddress master, String token) throws Exception {
        HttpRequest stop = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + master.getPort() + "/api/v1/stop"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpClient.newHttpClient().send(stop, HttpResponse.BodyHandlers.discarding());
        } catch (IOException notListening) {
            // it never listened (the assertion above says so) or just ended: master.get() decides
        }
    }

    private static boolean portFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("0.0.0.0", DEFAULT_PORT));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address) return Optional.of(address);
            }
        }
        return Optional.empty();
    }
}
