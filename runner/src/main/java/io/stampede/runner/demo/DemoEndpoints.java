package io.stampede.runner.demo;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The demo API's endpoints as functions from request to response; no I/O, so they are testable without a server.
 * Threading: safe for concurrent use (state lives in {@link UserDirectory} and {@link DemoCounters}).
 */
final class DemoEndpoints {

    static final String DEMO_PASSWORD = "demo-password";
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;

    private final HmacJwt jwt;
    private final UserDirectory users;
    private final DemoCounters counters;
    private final long tokenLifetimeSeconds;
    private final Clock clock;

    /** @param tokenLifetime how long a token is valid; whole seconds, >= 1 s (the JWT exp claim is in seconds) */
    DemoEndpoints(HmacJwt jwt, UserDirectory users, DemoCounters counters, Duration tokenLifetime, Clock clock) {
        this.jwt = jwt;
        this.users = users;
        this.counters = counters;
        this.tokenLifetimeSeconds = tokenLifetime.toSeconds();
        this.clock = clock;
    }

    /** The router for every endpoint but {@code /_demo/stats}, which {@link DemoApi} answers itself. */
    DemoRouter router() {
        return new DemoRouter()
                .route("POST", "/api/auth/login", this::login)
                .route("GET", "/api/users/me", this::viewProfile)
                .route("PUT", "/api/users/me", this::updateProfile)
                .route("GET", "/api/users", this::listUsers)
                .route("GET", "/health", request -> DemoResponse.ok(new JsonObject().put("status", "up")));
    }

    /** {@code {email, password}} -> a bearer token for {@code userN@example.com} with password "demo-password". */
    DemoResponse login(DemoRequest request) {
        Optional<JsonObject> body = jsonObject(request.body());
        if (body.isEmpty() || !(body.get().getValue("email") instanceof String email)
                || !(body.get().getValue("password") instanceof String password)) {
            return DemoResponse.error(400, "bad_request", "expected a JSON object with string fields email and password");
        }
        OptionalLong id = UserDirectory.idOfEmail(email);
        if (id.isEmpty() || !DEMO_PASSWORD.equals(password)) {
            return DemoResponse.error(401, "invalid_credentials",
                    "log in as userN@example.com with password " + DEMO_PASSWORD);
        }
        users.loginAs(id.getAsLong());
        long expiresAtSeconds = Math.floorDiv(clock.millis(), 1000) + tokenLifetimeSeconds;
        String token = jwt.issue(Long.toString(id.getAsLong()), expiresAtSeconds);
        return DemoResponse.ok(new JsonObject()
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", tokenLifetimeSeconds));
    }

    DemoResponse viewProfile(DemoRequest request) {
        return authenticate(request).fold(
                error -> error,
                id -> users.find(id).map(profile -> DemoResponse.ok(profile.toJson())).orElseGet(DemoEndpoints::noSuchUser));
    }

    /** {@code {displayName}} -> the updated profile. */
    DemoResponse updateProfile(DemoRequest request) {
        return authenticate(request).fold(error -> error, id -> {
            Optional<JsonObject> body = jsonObject(request.body());
            if (body.isEmpty() || !(body.get().getValue("displayName") instanceof String name)
                    || name.isBlank() || name.length() > MAX_DISPLAY_NAME_LENGTH) {
                return DemoResponse.error(400, "bad_request",
                        "expected a JSON object with a displayName of 1 to " + MAX_DISPLAY_NAME_LENGTH + " characters");
            }
            return users.rename(id, name).map(profile -> DemoResponse.ok(profile.toJson()))
                    .orElseGet(DemoEndpoints::noSuchUser);
        });
    }

    /** {@code ?page=N&limit=M} (defaults 1 and 20; limit at most {@value #MAX_PAGE_SIZE}) -> one page of users. */
    DemoResponse listUsers(DemoRequest request) {
        return authenticate(request).fold(error -> error, id -> {
            OptionalLong page = positiveInt(request.query().getOrDefault("page", "1"));
            OptionalLong limit = positiveInt(request.query().getOrDefault("limit", "20"));
            if (page.isEmpty() || limit.isEmpty() || limit.getAsLong() > MAX_PAGE_SIZE) {
                return DemoResponse.error(400, "bad_request",
                        "page must be a positive integer and limit one from 1 to " + MAX_PAGE_SIZE);
            }
            UserDirectory.Page result = users.page((int) page.getAsLong(), (int) limit.getAsLong());
            JsonArray list = new JsonArray();
            result.users().forEach(profile -> list.add(profile.toJson()));
            return DemoResponse.ok(new JsonObject()
                    .put("page", result.page())
                    .put("limit", result.limit())
                    .put("total", result.total())
                    .put("users", list));
        });
    }

    /** The user id of a valid bearer token, or the 401 to answer. */
    private Authenticated authenticate(DemoRequest request) {
        String header = request.authorization();
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Authenticated.rejected(DemoResponse.error(401, "unauthorized", "missing bearer token"));
        }
        TokenVerdict verdict = jwt.verify(header.substring(7).trim(), clock.millis());
        if (verdict instanceof TokenVerdict.Expired) {
            counters.countExpiredTokenRejection();
            return Authenticated.rejected(DemoResponse.error(401, "token_expired", "the token has expired; log in again"));
        }
        if (verdict instanceof TokenVerdict.Valid valid) {
            OptionalLong id = positiveInt(valid.subject());
            if (id.isPresent()) {
                return Authenticated.as(id.getAsLong());
            }
        }
        return Authenticated.rejected(DemoResponse.error(401, "invalid_token", "the token is not valid"));
    }

    private static DemoResponse noSuchUser() {
        return DemoResponse.error(401, "invalid_token", "the token's user does not exist");
    }

    private static Optional<JsonObject> jsonObject(String text) {
        try {
            return Optional.of(new JsonObject(text));
        } catch (DecodeException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong positiveInt(String text) {
        try {
            int value = Integer.parseInt(text);
            return value >= 1 ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
