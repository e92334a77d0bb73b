package io.stampede.runner.demo;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The demo API over real HTTP on 127.0.0.1. */
class DemoApiTest {

    private static Vertx vertx;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final MutableClock clock = new MutableClock(System.currentTimeMillis());
    private DemoApi api;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void startApi() throws Exception {
        DemoApi.Options options = DemoApi.Options.defaults().withClock(clock);
        api = DemoApi.start(vertx, options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopApi() throws Exception {
        api.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void listensOnLoopbackAtAnEphemeralPort() {
        assertThat(api.port()).isPositive();
        assertThat(api.baseUrl()).isEqualTo("http://127.0.0.1:" + api.port());
    }

    @Test
    void logsInAndServesTheProfileWithTheToken() throws Exception {
        HttpResponse<String> login = login("user3@example.com", "demo-password");
        String token = new JsonObject(login.body()).getString("access_token");

        HttpResponse<String> profile = send(get("/api/users/me").header("Authorization", "Bearer " + token));

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(token.split("\\.")).hasSize(3);
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(profile.body()).getString("email")).isEqualTo("user3@example.com");
    }

    @Test
    void rejectsAWrongPassword() throws Exception {
        assertThat(login("user3@example.com", "guess").statusCode()).isEqualTo(401);
    }

    @Test
    void answers401WithAJsonErrorWithoutAToken() throws Exception {
        HttpResponse<String> response = send(get("/api/users/me"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("unauthorized");
    }

    @Test
    void answers401ToAGarbageToken() throws Exception {
        HttpResponse<String> response = send(get("/api/users?page=1&limit=5")
                .header("Authorization", "Bearer not.a.token"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("invalid_token");
    }

    @Test
    void answers401ToAnExpiredTokenAndCountsIt() throws Exception {
        String token = new JsonObject(login("user3@example.com", "demo-password").body()).getString("access_token");
        clock.advance(Duration.ofSeconds(9));

        HttpResponse<String> response = send(get("/api/users/me").header("Authorization", "Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("token_expired");
        assertThat(api.expiredTokenRejections()).isEqualTo(1);
    }

    @Test
    void servesAPageOfUsers() throws Exception {
        String token = new JsonObject(login("user3@example.com", "demo-password").body()).getString("access_token");

        HttpResponse<String> response = send(get("/api/users?page=1&limit=5")
                .header("Authorization", "Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getJsonArray("users")).hasSize(5);
    }

    @Test
    void updatesTheDisplayName() throws Exception {
        String token = new JsonObject(login("user3@example.com", "demo-password").body()).getString("access_token");

        HttpResponse<String> update = send(request("/api/users/me")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Grace\"}")));
        HttpResponse<String> profile = send(get("/api/users/me").header("Authorization", "Bearer " + token));

        assertThat(update.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(profile.body()).getString("displayName")).isEqualTo("Grace");
    }

    @Test
    void reportsHealthWithoutAToken() throws Exception {
        HttpResponse<String> response = send(get("/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject().put("status", "up"));
    }

    @Test
    void answers404ToAnUnknownPath() throws Exception {
        assertThat(send(get("/nope")).statusCode()).isEqualTo(404);
    }

    @Test
    void countsRequestsPerMethodAndPathWithoutQuery() throws Exception {
        send(get("/health"));
        send(get("/health"));
        send(get("/api/users?page=1"));
        send(get("/api/users?page=2"));
        login("user1@example.com", "demo-password");

        assertThat(api.requestCounts()).containsOnly(
                entry("GET /health", 2L), entry("GET /api/users", 2L), entry("POST /api/auth/login", 1L));
        assertThat(api.totalRequests()).isEqualTo(5);
    }

    @Test
    void servesItsCountersWithoutCountingThatRequest() throws Exception {
        send(get("/health"));

        JsonObject stats = new JsonObject(send(get("/_demo/stats")).body());
        send(get("/_demo/stats"));

        assertThat(stats.getLong("totalRequests")).isEqualTo(1);
        assertThat(stats.getJsonObject("requests")).isEqualTo(new JsonObject().put("GET /health", 1L));
        assertThat(api.totalRequests()).isEqualTo(1);
    }

    @Test
    void injectsFailuresWhenAsked() throws Exception {
        DemoApi failing = DemoApi.start(vertx, DemoApi.Options.defaults().withFailureRate(1.0))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(failing.baseUrl() + "/api/users"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(failing.baseUrl() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(api.statusCode()).isEqualTo(500);
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            failing.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> login(String email, String password) throws IOException, InterruptedException {
        String body = new JsonObject().put("email", email).put("password", password).encode();
        return send(request("/api/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder get(String pathAndQuery) {
        return request(pathAndQuery).GET();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
