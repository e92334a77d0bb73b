package io.stampede.runner.engine;

import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.ClientCookieEncoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One virtual user's cookies, kept as RFC 6265 section 5.3 says a user agent keeps them (like the session of
 * Python's requests that Locust's HttpUser has): Domain (host-only without it; a Domain the request's host does
 * not domain-match is rejected), Path (the request path's directory without it), Max-Age and Expires (Max-Age
 * wins; zero or past removes the cookie), Secure (sent over https only) and HttpOnly (kept; it only hides a
 * cookie from scripts, and there are none here). Set-Cookie is parsed by Netty's {@link ClientCookieDecoder} (it
 * turns Expires into a Max-Age from the decoder's clock) and the Cookie header written by its encoder.
 *
 * <p>Clock: every method takes the time as {@code nowMillis} (epoch milliseconds), so tests need no clock.
 * Threading: confined to the user's event loop. A jar is small (a few cookies): a list, scanned in full.
 */
final class CookieJar {

    private record Stored(Cookie cookie, String domain, boolean hostOnly, String path, long expiresAtMillis,
                          long created) {

        boolean expired(long nowMillis) {
            return expiresAtMillis != Long.MAX_VALUE && nowMillis >= expiresAtMillis;
        }

        boolean sameKey(Stored other) {
            return cookie.name().equals(other.cookie.name()) && domain.equals(other.domain) && path.equals(other.path);
        }
    }

    private static final Comparator<Stored> SEND_ORDER =
            Comparator.comparingInt((Stored s) -> -s.path.length()).thenComparingLong(Stored::created);

    private final List<Stored> cookies = new ArrayList<>(4);
    private long created;

    /**
     * Stores the cookies of one response's Set-Cookie headers.
     *
     * @param host   the request's host, as in the URL (any case)
     * @param path   the request's path, query allowed ("/login?next=/"), starting with '/'
     * @param values the Set-Cookie header values; unparseable ones are ignored, as browsers do
     */
    void store(String host, String path, List<String> values, long nowMillis) {
        String requestHost = host.toLowerCase(Locale.ROOT);
        for (String value : values) {
            Cookie cookie = ClientCookieDecoder.LAX.decode(value);
            if (cookie == null) continue;
            String domain = cookie.domain() == null ? null : cookie.domain().toLowerCase(Locale.ROOT);
            if (domain != null && domain.startsWith(".")) domain = domain.substring(1);
            boolean hostOnly = domain == null || domain.isEmpty();
            if (hostOnly) {
                domain = requestHost;
            } else if (!domainMatches(requestHost, domain)) {
                continue; // RFC 6265 5.3 step 6: a server may not set cookies for another domain
            }
            String cookiePath = cookie.path() != null && cookie.path().startsWith("/") ? cookie.path()
                    : defaultPath(path);
            long expiresAt = cookie.maxAge() == Long.MIN_VALUE ? Long.MAX_VALUE
                    : cookie.maxAge() <= 0 ? Long.MIN_VALUE
                    : nowMillis + Math.min(cookie.maxAge(), Long.MAX_VALUE / 2_000) * 1000;
            Stored stored = new Stored(cookie, domain, hostOnly, cookiePath, expiresAt, created++);
            cookies.removeIf(old -> old.sameKey(stored) || old.expired(nowMillis));
            if (expiresAt != Long.MIN_VALUE) cookies.add(stored);
        }
    }

    /**
     * The Cookie header's value for a request, or null when no cookie applies.
     *
     * @param host   the request's host
     * @param path   the request's path, query allowed
     * @param secure the request goes over https
     */
    String header(String host, String path, boolean secure, long nowMillis) {
        if (cookies.isEmpty()) return null;
        String requestHost = host.toLowerCase(Locale.ROOT);
        String requestPath = pathOnly(path);
        List<Stored> matching = null;
        for (Stored stored : cookies) {
            if (stored.expired(nowMillis)) continue;
            if (stored.hostOnly ? !stored.domain.equals(requestHost) : !domainMatches(requestHost, stored.domain)) {
                continue;
            }
            if (!pathMatches(requestPath, stored.path)) continue;
            if (stored.cookie.isSecure() && !secure) continue;
            if (matching == null) matching = new ArrayList<>(cookies.size());
            matching.add(stored);
        }
        if (matching == null) return null;
        matching.sort(SEND_ORDER);
        List<Cookie> send = new ArrayList<>(matching.size());
        for (Stored stored : matching) send.add(new DefaultCookie(stored.cookie.name(), stored.cookie.value()));
        return ClientCookieEncoder.LAX.encode(send);
    }

    /** Forgets every cookie (a renewal logs in afresh). */
    void clear() {
        cookies.clear();
    }

    /** How many cookies are kept, expired ones included until the next store. */
    int size() {
        return cookies.size();
    }

    /** RFC 6265 5.1.3: identical, or the host ends with "." + domain and is a name, not an IP address. */
    static boolean domainMatches(String host, String domain) {
        if (host.equals(domain)) return true;
        return host.endsWith(domain) && host.charAt(host.length() - domain.length() - 1) == '.'
                && !isIpAddress(host);
    }

    /** RFC 6265 5.1.4. */
    static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) return true;
        if (!requestPath.startsWith(cookiePath)) return false;
        return cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/';
    }

    /** RFC 6265 5.1.4: the directory of the request path ("/" for "/login" and for "/"). */
    static String defaultPath(String path) {
        String only = pathOnly(path);
        int last = only.lastIndexOf('/');
        return last <= 0 ? "/" : only.substring(0, last);
    }

    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        String only = query < 0 ? path : path.substring(0, query);
        return only.isEmpty() || only.charAt(0) != '/' ? "/" : only;
    }

    private static boolean isIpAddress(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}
