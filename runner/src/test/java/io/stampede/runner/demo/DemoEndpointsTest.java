package io.stampede.runner.demo;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoEndpointsTest {

    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private final DemoCounters counters = new DemoCounters();
    private final DemoRouter router = new DemoEndpoints(HmacJwt.withRandomKey(), new UserDirectory(), counters,
            Duration.ofSeconds(8), clock).router();

    @Test
    void logsInAnyNumberedDemoUserWithTheDemoPassword() {
        DemoResponse response = post("/api/auth/login", login("user4711@example.com", "demo-password"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().getString("token_type")).isEqualTo("Bearer");
        assertThat(response.body().getLong("expires_in")).isEqualTo(8);
        assertThat(get("/api/users/me", Map.of(), response.body().getString("access_token")).body().getString("email"))
                .isEqualTo("user4711@example.com");
    }

    @Test
    void rejectsAWrongPasswordOrAnUnknownEmail() {
        assertThat(post("/api/auth/login", login("user1@example.com", "wrong")).status()).isEqualTo(401);
        assertThat(post("/api/auth/login", login("admin@example.com", "demo-password")).status()).isEqualTo(401);
    }

    @Test
    void answers400ToALoginThatIsNotJson() {
        assertThat(post("/api/auth/login", "email=user1@example.com").status()).isEqualTo(400);
        assertThat(post("/api/auth/login", "[]").status()).isEqualTo(400);
        assertThat(post("/api/auth/login", "{\"email\": 1, \"password\": \"demo-password\"}").status()).isEqualTo(400);
    }

    @Test
    void rejectsATokenOnceItsLifetimeHasPassedAndCountsIt() {
        String token = tokenOf(1);
        clock.advance(Duration.ofSeconds(9));

        DemoResponse response = get("/api/users/me", Map.of(), token);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().getString("error")).isEqualTo("token_expired");
        assertThat(counters.expiredTokenRejections()).isEqualTo(1);
    }

    @Test
    void pagesThroughTheUsersInIdOrder() {
        JsonObject page = get("/api/users", Map.of("page", "2", "limit", "30"), tokenOf(1)).body();

        assertThat(page.getInteger("total")).isEqualTo(UserDirectory.SEEDED_USERS);
        assertThat(page.getJsonArray("users")).hasSize(30);
        assertThat(page.getJsonArray("users").getJsonObject(0).getLong("id")).isEqualTo(31);
    }

    @Test
    void answersAnEmptyPagePastTheLastUser() {
        JsonObject page = get("/api/users", Map.of("page", "99", "limit", "20"), tokenOf(1)).body();

        assertThat(page.getJsonArray("users")).isEmpty();
    }

    @Test
    void rejectsPageParametersOutOfRange() {
        String token = tokenOf(1);

        assertThat(get("/api/users", Map.of("page", "0"), token).status()).isEqualTo(400);
        assertThat(get("/api/users", Map.of("limit", "101"), token).status()).isEqualTo(400);
        assertThat(get("/api/users", Map.of("page", "two"), token).status()).isEqualTo(400);
    }

    @Test
    void updatesTheDisplayNameOfTheTokensUser() {
        String token = tokenOf(7);

        DemoResponse update = request("PUT", "/api/users/me", Map.of(), token, "{\"displayName\": \"Ada\"}");

        assertThat(update.status()).isEqualTo(200);
        assertThat(get("/api/users/me", Map.of(), token).body().getString("displayName")).isEqualTo("Ada");
        assertThat(get("/api/users/me", Map.of(), tokenOf(8)).body().getString("displayName")).isEqualTo("Demo User 8");
    }

    @Test
    void rejectsABlankDisplayName() {
        assertThat(request("PUT", "/api/users/me", Map.of(), tokenOf(7), "{\"displayName\": \" \"}").status())
                .isEqualTo(400);
    }

    @Test
    void answers404ToAnUnroutedMethodOrPath() {
        assertThat(request("DELETE", "/api/users/me", Map.of(), tokenOf(1), "").status()).isEqualTo(404);
        assertThat(get("/api/products", Map.of(), null).status()).isEqualTo(404);
    }

    private String tokenOf(long userId) {
        return post("/api/auth/login", login("user" + userId + "@example.com", "demo-password"))
                .body().getString("access_token");
    }

    private static String login(String email, String password) {
        return new JsonObject().put("email", email).put("password", password).encode();
    }

    private DemoResponse post(String path, String body) {
        return request("POST", path, Map.of(), null, body);
    }

    private DemoResponse get(String path, Map<String, String> query, String token) {
        return request("GET", path, query, token, "");
    }

    private DemoResponse request(String method, String path, Map<String, String> query, String token, String body) {
        return router.dispatch(new DemoRequest(method, path, query, token == null ? null : "Bearer " + token, body));
    }
}
