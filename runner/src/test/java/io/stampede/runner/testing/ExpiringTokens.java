package io.stampede.runner.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Opaque bearer tokens that expire after a lifetime the test sets, with millisecond precision, or after a number
 * of uses ({@link #afterUses}), for renewal tests: a login route hands them out, protected routes answer 401 once
 * a token has expired. A token that expires by use does so whatever the timing, so a test of renewal does not
 * depend on how fast a loaded machine runs the client: its renewed token always has its uses.
 * Threading: safe for concurrent use; the lifetime may be changed while the server runs (it applies to tokens
 * issued afterwards).
 */
public final class ExpiringTokens {

    private final Map<String, Long> expiryNanosByToken = new ConcurrentHashMap<>();
    /** Requests each token may still serve; only for tokens that expire by use. */
    private final Map<String, AtomicInteger> usesLeftByToken = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong expiredRejections = new AtomicLong();
    /** Requests a token serves before it expires, >= 1; 0 when tokens expire by lifetime only. */
    private final int usesPerToken;
    private volatile long lifetimeNanos;

    public ExpiringTokens(Duration lifetime) {
        this.usesPerToken = 0;
        lifetime(lifetime);
    }

    private ExpiringTokens(int usesPerToken) {
        if (usesPerToken < 1) throw new IllegalArgumentException("a token serves at least 1 request: " + usesPerToken);
        this.usesPerToken = usesPerToken;
        this.lifetimeNanos = Long.MAX_VALUE / 4; // no lifetime to speak of: 73 years
    }

    /** Tokens that each serve {@code uses} protected requests (>= 1) and then have expired, however long that took. */
    public static ExpiringTokens afterUses(int uses) {
        return new ExpiringTokens(uses);
    }

    public void lifetime(Duration lifetime) {
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("a token lifetime cannot be negative: " + lifetime);
        }
        this.lifetimeNanos = lifetime.toNanos();
    }

    /** Answers any request with 200 {@code {"access_token": "...", "token_type": "Bearer", "expires_in_ms": N}}. */
    public Function<ReceivedRequest, Behaviour> login() {
        return request -> {
            String token = "token-" + issued.incrementAndGet();
            long lifetime = lifetimeNanos;
            expiryNanosByToken.put(token, System.nanoTime() + lifetime);
            if (usesPerToken > 0) usesLeftByToken.put(token, new AtomicInteger(usesPerToken));
            return Behaviour.json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in_ms\":"
                    + Duration.ofNanos(lifetime).toMillis() + "}");
        };
    }

    /**
     * Answers {@code whenValid} to a request with a live {@code Authorization: Bearer <token>}; otherwise 401 with
     * {@code {"error":"token_expired"}} (counted in {@link #expiredRejections()}) or {@code {"error":"unauthorized"}}.
     */
    public Function<ReceivedRequest, Behaviour> protect(Behaviour whenValid) {
        return request -> {
            String header = request.header("Authorization");
            String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
            Long expiryNanos = token == null ? null : expiryNanosByToken.get(token);
            if (expiryNanos == null) {
                return Behaviour.json(401, "{\"error\":\"unauthorized\"}");
            }
            AtomicInteger usesLeft = usesLeftByToken.get(token);
            if (System.nanoTime() - expiryNanos >= 0 || (usesLeft != null && usesLeft.getAndDecrement() <= 0)) {
                expiredRejections.incrementAndGet();
                return Behaviour.json(401, "{\"error\":\"token_expired\"}");
            }
            return whenValid;
        };
    }

    public long issued() {
        return issued.get();
    }

    /** How many requests were answered 401 because their token had expired. */
    public long expiredRejections() {
        return expiredRejections.get();
    }
}
