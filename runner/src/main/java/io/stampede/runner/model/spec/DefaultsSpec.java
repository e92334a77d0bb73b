package io.stampede.runner.model.spec;

import java.time.Duration;
import java.util.Map;

/**
 * {@code spec.defaults}: applied to every request.
 *
 * @param headers header templates by name, in document order
 * @param timeout per-request timeout, > 0, or null for the built-in default
 * @param cookies a cookie jar per virtual user; null means on (the default, like Locust's session)
 * @param followRedirects redirects each request follows, 0..{@link #MAX_FOLLOW_REDIRECTS}; null means
 *                        {@link #DEFAULT_FOLLOW_REDIRECTS}
 * @param sign    the request signer of every request (a class or request may set its own), or null
 */
public record DefaultsSpec(Map<String, String> headers, Duration timeout, Boolean cookies, Integer followRedirects,
                           PluginUseSpec sign) {

    public static final DefaultsSpec NONE = new DefaultsSpec(Map.of(), null);
    /** Like Python's requests and k6: follow up to 10 redirects. */
    public static final int DEFAULT_FOLLOW_REDIRECTS = 10;
    /** Anything longer is a loop, not a site. */
    public static final int MAX_FOLLOW_REDIRECTS = 50;

    public DefaultsSpec {
        headers = Immutables.orderedMap(headers);
    }

    public DefaultsSpec(Map<String, String> headers, Duration timeout) {
        this(headers, timeout, null, null);
    }

    /** Defaults without a signer. */
    public DefaultsSpec(Map<String, String> headers, Duration timeout, Boolean cookies, Integer followRedirects) {
        this(headers, timeout, cookies, followRedirects, null);
    }

    /** Whether each virtual user keeps a cookie jar. */
    public boolean cookiesOn() {
        return cookies == null || cookies;
    }

    /** Redirects a request follows unless it says otherwise. */
    public int redirects() {
        return followRedirects == null ? DEFAULT_FOLLOW_REDIRECTS : followRedirects;
    }
}
