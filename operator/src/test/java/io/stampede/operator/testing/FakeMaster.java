package io.stampede.operator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that answers as the masters of runs would: {@code /{namespace}/{service}/api/v1/status}
 * and {@code .../api/v1/report} serve what a test set, anything else 503 (a master that is not up). The operator
 * reaches it through {@code stampede.master-url=http://127.0.0.1:PORT/{namespace}/{service}}.
 */
public final class FakeMaster implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    public FakeMaster() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** From now on the master of {@code service} answers its status with this JSON. */
    public void status(String namespace, String service, String json) {
        answers.put("/" + namespace + "/" + service + "/api/v1/status", json);
    }

    public void report(String namespace, String service, String json) {
        answers.put("/" + namespace + "/" + service + "/api/v1/report", json);
    }

    /** From now on the master of {@code service} is down (503 to everything). */
    public void down(String namespace, String service) {
        answers.keySet().removeIf(path -> path.startsWith("/" + namespace + "/" + service + "/"));
    }

    /** A fixture from src/test/resources/master/. */
    public static String fixture(String name) {
        try (InputStream in = FakeMaster.class.getResourceAsStream("/master/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = answers.get(exchange.getRequestURI().getPath());
        byte[] bytes = (body == null ? "{\"error\":\"the master is starting\"}" : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(body == null ? 503 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
