package io.stampede.runner.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Opaque bearer tokens that expire after a lifetime the test sets, with millisecond precision, for renewal
 * tests: a login route hands them out, protected routes answer 401 once a token has expired.
 * Threading: safe for concurrent use; the lifetime may be changed while the server runs (it applies to tokens
 * issued afterwards).
 */
public final class ExpiringTokens {

    private final Map<String, Long> expiryNanosByToken = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong expiredRejections = new AtomicLong();
    private volatile long lifetimeNanos;

    public ExpiringTokens(Duration lifetime) {
        lifetime(lifetime);
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
            Long expiryNanos = header != null && header.startsWith("Bearer ")
                    ? expiryNanosByToken.get(header.substring(7).trim()) : null;
            if (expiryNanos == null) {
                return Behaviour.json(401, "{\"error\":\"unauthorized\"}");
            }
            if (System.nanoTime() - expiryNanos >= 0) {
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
