package io.stampede.runner.testing;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 (a free port) for end-to-end tests of the engine and the CLI, answering each
 * route as the test tells it to. Unconfigured routes answer 200 "ok".
 *
 * <pre>{@code
 * try (TargetServer server = TargetServer.start()) {
 *     server.respond("GET", "/slow", Behaviour.ok().withLatency(Latency.mix()
 *             .with(85, ofMillis(5)).with(12, ofMillis(50)).with(3, ofMillis(300))));
 *     server.respond("GET", "/api/products/*", Behaviour.json(200, "{}"));   // a trailing * matches a prefix
 *     ExpiringTokens tokens = server.tokenRoutes("/login", "/me", Duration.ofMillis(300));
 *     ... run the engine against server.baseUrl() ...
 *     assertThat(server.requestCount("GET", "/slow")).isEqualTo(...);
 * }
 * }</pre>
 *
 * Requests are counted per {@code "METHOD path"} (path without query) when they arrive, so requests still being
 * answered are counted too. Delays run on timers of the server's own single event loop, never blocking it.
 * Threading: every public method may be called from any thread, also while requests are being served.
 */
public final class TargetServer implements AutoCloseable {

    /** How many of the latest requests {@link #recentRequests()} keeps. */
    public static final int RECENT_REQUESTS_KEPT = 1000;

    private static final Duration START_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final HttpServer server;
    private final Map<String, Function<ReceivedRequest, Behaviour>> exactRoutes = new ConcurrentHashMap<>();
    private final Map<String, Function<ReceivedRequest, Behaviour>> prefixRoutes = new ConcurrentHashMap<>();
    private volatile Function<ReceivedRequest, Behaviour> defaultRoute = request -> Behaviour.ok();
    private final Map<String, LongAdder> countsByRoute = new ConcurrentHashMap<>();
    private final LongAdder totalRequests = new LongAdder();
    private final org.HdrHistogram.Histogram servedMicros = new org.HdrHistogram.Histogram(1, 3_600_000_000L, 3);
    private final Deque<ReceivedRequest> recentRequests = new ArrayDeque<>();

    private TargetServer() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        // Linger 0 makes a close a TCP reset, for Behaviour.resetConnection(); closing a connection the client
        // has finished with is unaffected in any way a client can see.
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSoLinger(0);
        server = vertx.createHttpServer(options).requestHandler(this::handle);
    }

    /** Starts a server on 127.0.0.1 at a free port; returns once it listens. */
    public static TargetServer start() {
        TargetServer target = new TargetServer();
        try {
            await(target.server.listen().mapEmpty());
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
        return target;
    }

    public int port() {
        return server.actualPort();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Answers {@code method path} with {@code behaviour} from now on. A path ending in {@code *} matches every path
     * with that prefix; an exact path wins over a prefix, and a longer prefix over a shorter one.
     */
    public TargetServer respond(String method, String path, Behaviour behaviour) {
        return respond(method, path, request -> behaviour);
    }

    /** Like {@link #respond(String, String, Behaviour)}, deciding per request (called on the event loop). */
    public TargetServer respond(String method, String path, Function<ReceivedRequest, Behaviour> responder) {
        String key = method.toUpperCase(Locale.ROOT) + " " + path;
        if (path.endsWith("*")) {
            prefixRoutes.put(key.substring(0, key.length() - 1), responder);
        } else {
            exactRoutes.put(key, responder);
        }
        return this;
    }

    /** What routes without their own behaviour answer (initially {@link Behaviour#ok()}). */
    public TargetServer respondByDefault(Behaviour behaviour) {
        defaultRoute = request -> behaviour;
        return this;
    }

    /**
     * Routes {@code POST loginPath} to hand out tokens living {@code lifetime}, and {@code GET protectedPath} to
     * answer 200 {@code {"ok":true}} with a live token and 401 otherwise. More routes can be protected with
     * {@code respond(method, path, tokens.protect(behaviour))}.
     */
    public ExpiringTokens tokenRoutes(String loginPath, String protectedPath, Duration lifetime) {
        return tokenRoutes(loginPath, protectedPath, new ExpiringTokens(lifetime));
    }

    /** Like {@link #tokenRoutes(String, String, Duration)}, with these tokens ({@link ExpiringTokens#afterUses}...). */
    public ExpiringTokens tokenRoutes(String loginPath, String protectedPath, ExpiringTokens tokens) {
        respond("POST", loginPath, tokens.login());
        respond("GET", protectedPath, tokens.protect(Behaviour.json(200, "{\"ok\":true}")));
        return tokens;
    }

    /** Requests received for {@code method path} (path without query), including those still in flight. */
    public long requestCount(String method, String path) {
        LongAdder count = countsByRoute.get(method.toUpperCase(Locale.ROOT) + " " + path);
        return count == null ? 0 : count.sum();
    }

    /** Requests received per {@code "METHOD path"}, sorted. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> copy = new TreeMap<>();
        countsByRoute.forEach((route, count) -> copy.put(route, count.sum()));
        return copy;
    }

    public long totalRequests() {
        return totalRequests.sum();
    }

    /** The latest requests read in full (at most {@value #RECENT_REQUESTS_KEPT}), oldest first. */
    public List<ReceivedRequest> recentRequests() {
        synchronized (recentRequests) {
            return List.copyOf(recentRequests);
        }
    }

    /** Stops the server and its event loop, closing open connections. */
    @Override
    public void close() {
        await(vertx.close());
    }

    private void handle(HttpServerRequest request) {
        long arrivalNanos = System.nanoTime();
        String method = request.method().name();
        String path = request.path() == null ? "" : request.path();
        countsByRoute.computeIfAbsent(method + " " + path, key -> new LongAdder()).increment();
        totalRequests.increment();
        request.body().onSuccess(body -> {
            ReceivedRequest received = toReceived(request, body);
            remember(received);
            Behaviour behaviour = routeOf(method + " " + path).apply(received);
            long delayMillis = behaviour.latency().nextDelayMillis(ThreadLocalRandom.current());
            if (delayMillis == 0) {
                answer(request, behaviour, arrivalNanos);
            } else {
                vertx.setTimer(delayMillis, timerId -> answer(request, behaviour, arrivalNanos));
            }
        });
    }

    private Function<ReceivedRequest, Behaviour> routeOf(String key) {
        Function<ReceivedRequest, Behaviour> exact = exactRoutes.get(key);
        if (exact != null) {
            return exact;
        }
        String longestPrefix = null;
        for (String prefix : prefixRoutes.keySet()) {
            if (key.startsWith(prefix) && (longestPrefix == null || prefix.length() > longestPrefix.length())) {
                longestPrefix = prefix;
            }
        }
        return longestPrefix == null ? defaultRoute : prefixRoutes.get(longestPrefix);
    }

    private void answer(HttpServerRequest request, Behaviour behaviour, long arrivalNanos) {
        HttpServerResponse response = request.response();
        if (response.closed()) {
            return;
        }
        if (behaviour.reset()) {
            request.connection().close();
            return;
        }
        response.setStatusCode(behaviour.status());
        behaviour.headers().forEach(response::putHeader);
        response.end(behaviour.body());
        synchronized (servedMicros) {
            servedMicros.recordValue(Math.max(1, (System.nanoTime() - arrivalNanos) / 1000));
        }
    }

    /**
     * How long the server really took to answer, from a request's arrival to its response being written, in µs:
     * the truth a client's measurement is compared with. On a loaded machine the server's timers fire late, so
     * this can exceed the configured latencies.
     */
    public org.HdrHistogram.Histogram servedLatencyMicros() {
        synchronized (servedMicros) {
            return servedMicros.copy();
        }
    }

    private void remember(ReceivedRequest received) {
        synchronized (recentRequests) {
            if (recentRequests.size() == RECENT_REQUESTS_KEPT) {
                recentRequests.removeFirst();
            }
            recentRequests.addLast(received);
        }
    }

    private static ReceivedRequest toReceived(HttpServerRequest request, Buffer body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(header -> headers
                .computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                .add(header.getValue()));
        headers.replaceAll((name, values) -> List.copyOf(values));
        return new ReceivedRequest(request.method().name(), request.uri(), Map.copyOf(headers), body.toString());
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture()
                    .get(START_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the target server", e);
        } catch (Exception e) {
            throw new IllegalStateException("the target server did not start or stop in time", e);
        }
    }
}
