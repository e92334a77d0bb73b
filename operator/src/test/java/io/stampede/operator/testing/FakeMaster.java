package io.stampede.operator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that answers as the masters of runs would: {@code /{namespace}/{service}/api/v1/status}
 * and {@code .../api/v1/report} serve what a test set, anything else 503 (a master that is not up). A master that is up
 * takes {@code POST .../api/v1/stop} (202, as the real one) and records the Authorization header it came with. The
 * requests for a namespace handed to real masters ({@link #forwardTo}) go to them instead. The operator reaches it
 * through {@code stampede.master-url=http://127.0.0.1:PORT/{namespace}/{service}}.
 */
public final class FakeMaster implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, List<String>> stops = new ConcurrentHashMap<>();
    private final Map<String, MasterForwarder> realMasters = new ConcurrentHashMap<>();

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

    /** The Authorization headers of the stop requests the master of {@code service} took, oldest first. */
    public List<String> stopRequests(String namespace, String service) {
        return List.copyOf(stops.getOrDefault("/" + namespace + "/" + service, List.of()));
    }

    /** From now on the masters of {@code namespace} are real processes: requests for them go to {@code forwarder}. */
    public void forwardTo(String namespace, MasterForwarder forwarder) {
        realMasters.put(namespace, forwarder);
    }

    public void stopForwarding(String namespace) {
        realMasters.remove(namespace);
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
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/", 4); // "", namespace, service, rest
        MasterForwarder real = parts.length == 4 ? realMasters.get(parts[1]) : null;
        if (real != null) {
            real.forward(exchange, parts[2], "/" + parts[3]);
            return;
        }
        String body = answers.get(path);
        int code = body == null ? 503 : 200;
        if (path.endsWith("/api/v1/stop") && exchange.getRequestMethod().equals("POST")) {
            String master = path.substring(0, path.length() - "/api/v1/stop".length());
            if (answers.containsKey(master + "/api/v1/status")) {
                String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
                stops.computeIfAbsent(master, key -> new CopyOnWriteArrayList<>()).add(authorization);
                body = "{\"stopping\":true}";
                code = 202;
            }
        }
        byte[] bytes = (body == null ? "{\"error\":\"the master is starting\"}" : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
