package io.stampede.operator.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system under test: a real HTTP server on 127.0.0.1 that answers every request after a fixed delay, with a
 * fixed number of threads, and counts the requests.
 */
final class CountingTarget implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService pool;
    private final AtomicLong requests = new AtomicLong();

    CountingTarget(long delayMillis) {
        this(delayMillis, 16);
    }

    /** @param threads requests served at once: beyond that they queue, so latency grows with the load */
    CountingTarget(long delayMillis, int threads) {
        pool = Executors.newFixedThreadPool(threads);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"ok\":true}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(pool);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
