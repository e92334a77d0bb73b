package io.stampede.runner.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/** A smoke test of the fixture the end-to-end tests rely on. */
class TargetServerTest {

    private final TargetServer server = TargetServer.start();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void closeServer() {
        server.close();
    }

    @Test
    void answersOkByDefaultAndCountsPerMethodAndPath() throws Exception {
        HttpResponse<String> first = send(get("/anything?x=1"));
        send(get("/anything?x=2"));
        send(post("/anything", "{}"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("ok");
        assertThat(server.requestCounts()).containsOnly(entry("GET /anything", 2L), entry("POST /anything", 1L));
        assertThat(server.totalRequests()).isEqualTo(3);
    }

    @Test
    void answersARouteAsConfigured() throws Exception {
        server.respond("GET", "/down", Behaviour.status(503).withBody("down").withHeader("Retry-After", "1"));
        server.respond("GET", "/items/*", Behaviour.json(200, "{\"item\":true}"));

        HttpResponse<String> down = send(get("/down"));
        HttpResponse<String> item = send(get("/items/17"));

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("down");
        assertThat(down.headers().firstValue("retry-after")).hasValue("1");
        assertThat(item.body()).isEqualTo("{\"item\":true}");
    }

    @Test
    void countsARequestWhileItIsStillBeingAnswered() {
        server.respond("GET", "/slow", Behaviour.ok().withDelay(Duration.ofSeconds(2)));

        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(get("/slow").build(),
                HttpResponse.BodyHandlers.ofString());

        await().atMost(Duration.ofSeconds(2)).until(() -> server.requestCount("GET", "/slow") == 1);
        assertThat(slow).isNotDone();
        assertThat(slow.join().statusCode()).isEqualTo(200);
    }

    @Test
    void resetsTheConnectionWhenAsked() {
        server.respond("GET", "/reset", Behaviour.resetConnection());

        assertThatThrownBy(() -> send(get("/reset"))).isInstanceOf(IOException.class);
        assertThat(server.requestCount("GET", "/reset")).isEqualTo(1);
    }

    @Test
    void recordsWhatItReceived() throws Exception {
        send(post("/orders?dry=1", "{\"qty\":2}").header("X-Trace", "abc"));

        ReceivedRequest received = server.recentRequests().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.pathAndQuery()).isEqualTo("/orders?dry=1");
        assertThat(received.header("x-trace")).isEqualTo("abc");
        assertThat(received.body()).isEqualTo("{\"qty\":2}");
    }

    @Test
    void rejectsATokenOnceItsLifetimeHasPassed() throws Exception {
        ExpiringTokens tokens = server.tokenRoutes("/login", "/me", Duration.ofMillis(300));
        String body = send(post("/login", "")).body();
        String token = body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> fresh = send(get("/me").header("Authorization", "Bearer " + token));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() ->
                send(get("/me").header("Authorization", "Bearer " + token)).statusCode() == 401);

        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(send(get("/me")).statusCode()).isEqualTo(401);
        assertThat(tokens.issued()).isEqualTo(1);
        assertThat(tokens.expiredRejections()).isEqualTo(1);
    }

    private HttpRequest.Builder get(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    private HttpRequest.Builder post(String pathAndQuery, String body) {
        return get(pathAndQuery).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
