package io.stampede.runner.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A real HTTP server on 127.0.0.1 that degrades on purpose, for end-to-end tests of capacity and of the story of a
 * run: the JDK's HttpServer with a fixed pool of {@code threads} workers (requests beyond them queue, unbounded, as
 * behind a servlet container's pool), each request holding its worker for the time its {@link Service} decides.
 *
 * <p>It counts what it answered in {@value #SLOT_MILLIS} ms slots since its start ({@link #answeredBetween}), so a
 * test compares the runner's rates with the server's own over the same span of the wall clock, to a slot.
 *
 * <p>Threading: the service is called on the pool's threads, concurrently; every public method is thread safe.
 */
public final class DegradingTarget implements AutoCloseable {

    /** What the server does with one request. */
    @FunctionalInterface
    public interface Service {
        /**
         * @param path          the request's path
         * @param inFlight      requests being served or queued now, this one included
         * @param elapsedMillis since the server started
         * @param served        requests answered before this one
         * @return how to answer
         */
        Answer answer(String path, int inFlight, long elapsedMillis, long served);
    }

    /** @param serviceMillis how long the worker is held (a sleep), >= 0; status the HTTP status */
    public record Answer(long serviceMillis, int status) {
        public static Answer ok(long serviceMillis) {
            return new Answer(serviceMillis, 200);
        }
    }

    /**
     * The width of the slots answers are counted in, ms. Whole seconds would shift a test's window by up to half a
     * second, a quarter of a 2 s window, and on a busy machine the server's rate is not the same from one part of a
     * second to the next.
     */
    public static final int SLOT_MILLIS = 10;
    private static final int MAX_SLOTS = 600 * 1000 / SLOT_MILLIS;

    private final HttpServer server;
    private final ExecutorService pool;
    private final Service service;
    private final long startNanos = System.nanoTime();
    private final long startEpochMillis = System.currentTimeMillis();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    /** Answers per slot of the server's clock, slot i covering [i, i + 1) x SLOT_MILLIS ms after its start. */
    private final AtomicLongArray answeredPerSlot = new AtomicLongArray(MAX_SLOTS);

    private DegradingTarget(int threads, Service service) throws IOException {
        this.service = service;
        this.pool = Executors.newFixedThreadPool(threads);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        // Counted when the dispatcher hands the exchange over, so queued requests are in flight too.
        server.setExecutor(exchange -> {
            inFlight.incrementAndGet();
            pool.execute(exchange);
        });
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the server with a pool of {@code threads} workers on a free port of 127.0.0.1. */
    public static DegradingTarget start(int threads, Service service) throws IOException {
        return new DegradingTarget(threads, service);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests answered in total. */
    public long served() {
        return served.get();
    }

    /**
     * Requests answered (their last byte written) within {@code [fromEpochMillis, toEpochMillis)} of the wall clock,
     * the bounds taken to the {@value #SLOT_MILLIS} ms slot they fall in. Answers in the first 10 minutes of the
     * server's life are counted.
     */
    public long answeredBetween(long fromEpochMillis, long toEpochMillis) {
        long total = 0;
        for (int slot = slotOf(fromEpochMillis); slot < slotOf(toEpochMillis); slot++) {
            total += answeredPerSlot.get(slot);
        }
        return total;
    }

    private int slotOf(long epochMillis) {
        return (int) Math.max(0, Math.min(MAX_SLOTS, Math.floorDiv(epochMillis - startEpochMillis, SLOT_MILLIS)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.get();
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
            Answer answer = service.answer(exchange.getRequestURI().getPath(), now, elapsed, served.get());
            if (answer.serviceMillis() > 0) Thread.sleep(answer.serviceMillis());
            // No body: the answer is one write, so Nagle's algorithm and the client's delayed ACK cannot hold a
            // second small write back for 40 ms (the JDK's server does not set TCP_NODELAY).
            exchange.sendResponseHeaders(answer.status(), -1);
            served.incrementAndGet();
            int slot = slotOf(System.currentTimeMillis());
            if (slot < MAX_SLOTS) answeredPerSlot.incrementAndGet(slot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
