package io.stampede.runner.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stampede.runner.cli.StampedeCli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code stampede master ...} run in this JVM on a thread, with its output captured and its HTTP API at hand. */
final class MasterInThread {

    record Outcome(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MasterInThread(int port, String... args) {
        this.port = port;
        this.exit = CompletableFuture.supplyAsync(() -> StampedeCli.execute(new PrintWriter(out, true),
                new PrintWriter(err, true), args));
    }

    /** Starts the master on a free port of 127.0.0.1; {@code args} follow {@code master}. */
    static MasterInThread start(String... args) {
        int port = freePort();
        String[] all = new String[args.length + 3];
        all[0] = "master";
        all[1] = "--bind";
        all[2] = "127.0.0.1:" + port;
        System.arraycopy(args, 0, all, 3, args.length);
        return new MasterInThread(port, all);
    }

    int port() {
        return port;
    }

    Outcome await(Duration timeout) throws Exception {
        int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new Outcome(code, out.toString(), err.toString());
    }

    String output() {
        return out + "\n" + err;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /api/v1/status} as a tree; an empty object while it answers anything but 200. */
    JsonNode status() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/status");
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    HttpResponse<String> post(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
