package io.stampede.runner.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The built-in demo API that {@code stampede demo} load-tests: a small JSON API with logins, HS256 bearer
 * tokens that expire (so renewal is exercised), a paged user list and a health check. Listens on 127.0.0.1 unless
 * {@link Options#host()} says otherwise (0.0.0.0 in a pod, to be reachable through a Service).
 *
 * <ul>
 *   <li>{@code POST /api/auth/login} {@code {email, password}} -> {@code {access_token, token_type, expires_in}};
 *       any {@code userN@example.com} with password {@code demo-password}, else 401</li>
 *   <li>{@code GET /api/users/me}, {@code PUT /api/users/me} {@code {displayName}},
 *       {@code GET /api/users?page=N&limit=M}: bearer token required, else 401 with a JSON error</li>
 *   <li>{@code GET /health} -> {@code {"status":"up"}}; {@code GET /_demo/stats} -> the counters (not counted)</li>
 *   <li>anything else -> 404</li>
 * </ul>
 *
 * Every answer but {@code /_demo/stats} is delayed by a random latency from {@link Options}, on a timer: the
 * event loop never blocks. Threading: the server runs on one event loop; the counter methods may be called from
 * any thread.
 */
public final class DemoApi {

    static final String STATS_PATH = "/_demo/stats";

    /**
     * @param host          the address to listen on: 127.0.0.1 (the default), 0.0.0.0 or :: for every interface
     * @param port          the TCP port, 0 for any free port
     * @param tokenLifetime how long an access token is valid, whole seconds, >= 1 s
     * @param minLatency    the least added latency, >= 0
     * @param maxLatency    the most added latency, >= minLatency; each answer waits a uniform random time between
     * @param failureRate   the share of {@code /api/} requests answered 500 on purpose, 0.0 (off) to 1.0
     * @param clock         the time used to issue and check tokens
     */
    public record Options(String host, int port, Duration tokenLifetime, Duration minLatency, Duration maxLatency,
                          double failureRate, Clock clock) {

        public Options {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must be an address such as 127.0.0.1, got '" + host + "'");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
            }
            if (tokenLifetime.toSeconds() < 1 || tokenLifetime.toNanos() % 1_000_000_000L != 0) {
                throw new IllegalArgumentException("tokenLifetime must be whole seconds, >= 1 s, got " + tokenLifetime);
            }
            if (minLatency.isNegative() || maxLatency.compareTo(minLatency) < 0) {
                throw new IllegalArgumentException("need 0 <= minLatency <= maxLatency, got "
                        + minLatency + " and " + maxLatency);
            }
            if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
                throw new IllegalArgumentException("failureRate must be 0.0 to 1.0, got " + failureRate);
            }
            Objects.requireNonNull(clock, "clock");
        }

        /** 127.0.0.1 at any free port, 8 s tokens, 2-15 ms latency, no injected failures, the system clock. */
        public static Options defaults() {
            return new Options("127.0.0.1", 0, Duration.ofSeconds(8), Duration.ofMillis(2), Duration.ofMillis(15),
                    0.0, Clock.systemUTC());
        }

        public Options withHost(String host) {
            return new Options(host, port, tokenLifetime, minLatency, maxLatency, failureRate, clock);
        }

        public Options withPort(int port) {
            return new Options(host, port, tokenLifetime, minLatency, maxLatency, failureRate, clock);
        }

        public Options withTokenLifetime(Duration tokenLifetime) {
            return new Options(host, port, tokenLifetime, minLatency, maxLatency, failureRate, clock);
        }

        public Options withLatency(Duration minLatency, Duration maxLatency) {
            return new Options(host, port, tokenLifetime, minLatency, maxLatency, failureRate, clock);
        }

        public Options withFailureRate(double failureRate) {
            return new Options(host, port, tokenLifetime, minLatency, maxLatency, failureRate, clock);
        }

        public Options withClock(Clock clock) {
            return new Options(host, port, tokenLifetime, minLatency, maxLatency, failureRate, clock);
        }
    }

    private final Vertx vertx;
    private final Options options;
    private final DemoCounters counters = new DemoCounters();
    private final DemoRouter router;
    private HttpServer server;

    private DemoApi(Vertx vertx, Options options) {
        this.vertx = vertx;
        this.options = options;
        this.router = new DemoEndpoints(HmacJwt.withRandomKey(), new UserDirectory(), counters,
                options.tokenLifetime(), options.clock()).router();
    }

    /** Starts listening on {@link Options#host()}; the future completes once the port is bound. */
    public static Future<DemoApi> start(Vertx vertx, Options options) {
        DemoApi api = new DemoApi(vertx, options);
        HttpServerOptions serverOptions = new HttpServerOptions().setHost(options.host()).setPort(options.port());
        return vertx.createHttpServer(serverOptions)
                .requestHandler(api::handle)
                .listen()
                .map(server -> {
                    api.server = server;
                    return api;
                });
    }

    /** The bound port (the real one when {@link Options#port()} was 0). */
    public int port() {
        return server.actualPort();
    }

    /**
     * A URL this machine reaches the API at, without a trailing slash: {@code http://<host>:<port>}, or loopback
     * ({@code http://127.0.0.1:<port>}, {@code http://[::1]:<port>}) when it listens on every interface.
     */
    public String baseUrl() {
        String host = switch (options.host()) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> options.host();
        };
        return "http://" + withPort(host);
    }

    /** Where it listens, as {@code HOST:PORT} with the bound port ({@code 0.0.0.0:8080}, {@code 127.0.0.1:41234}). */
    public String listenAddress() {
        return withPort(options.host());
    }

    private String withPort(String host) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Stops listening and closes open connections. */
    public Future<Void> stop() {
        return server.close();
    }

    /** Requests received per {@code "METHOD path"} (path without query), sorted; excludes {@code /_demo/stats}. */
    public Map<String, Long> requestCounts() {
        return counters.requestCounts();
    }

    /** All requests received, excluding {@code /_demo/stats}. */
    public long totalRequests() {
        return counters.totalRequests();
    }

    /** How many requests were answered 401 because their token had expired. */
    public long expiredTokenRejections() {
        return counters.expiredTokenRejections();
    }

    private void handle(HttpServerRequest request) {
        String method = request.method().name();
        String path = Objects.requireNonNullElse(request.path(), "");
        if ("GET".equals(method) && STATS_PATH.equals(path)) {
            send(request, DemoResponse.ok(statsJson()));
            return;
        }
        // Counted on arrival, so a request that is still being answered (or never is) shows up too.
        counters.countRequest(method, path);
        request.body().onSuccess(body -> {
            DemoResponse response = injectsFailure(path)
                    ? DemoResponse.error(500, "injected_failure", "failure injected by the demo API")
                    : dispatch(request, path, body);
            long delayMillis = nextLatencyMillis();
            if (delayMillis == 0) {
                send(request, response);
            } else {
                vertx.setTimer(delayMillis, timerId -> send(request, response));
            }
        });
    }

    private boolean injectsFailure(String path) {
        return options.failureRate() > 0 && path.startsWith("/api/")
                && ThreadLocalRandom.current().nextDouble() < options.failureRate();
    }

    private long nextLatencyMillis() {
        long min = options.minLatency().toMillis();
        long max = options.maxLatency().toMillis();
        return min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
    }

    private DemoResponse dispatch(HttpServerRequest request, String path, Buffer body) {
        Map<String, String> query = new HashMap<>();
        try {
            request.params().forEach(entry -> query.putIfAbsent(entry.getKey(), entry.getValue()));
        } catch (IllegalArgumentException e) {
            return DemoResponse.error(400, "bad_request", "malformed query string");
        }
        return router.dispatch(new DemoRequest(request.method().name(), path, query,
                request.getHeader(HttpHeaders.AUTHORIZATION), body.toString()));
    }

    private static void send(HttpServerRequest request, DemoResponse response) {
        if (request.response().closed()) {
            return;
        }
        request.response()
                .setStatusCode(response.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(response.body().encode());
    }

    private JsonObject statsJson() {
        JsonObject requests = new JsonObject();
        counters.requestCounts().forEach(requests::put);
        return new JsonObject()
                .put("totalRequests", counters.totalRequests())
                .put("expiredTokenRejections", counters.expiredTokenRejections())
                .put("requests", requests);
    }
}
