package io.stampede.runner.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A site with a form login and a session cookie per user, on a {@link TargetServer}. {@code POST /login} with the
 * form {@code user=user<N>@example.com&pw=p w&<N>} (URL-encoded) and the header {@code X-User: <N>} answers 302 to
 * {@code /home} with {@code Set-Cookie: sid=s-<N>}; any other login answers 400. {@code GET /home} and
 * {@code GET /items} answer 200 to a request carrying the session of the user named in {@code X-User}, and 401
 * (counted in {@link #refused()}) otherwise.
 *
 * <p>Threading: the routes run on the server's event loop; {@link #refused()} may be read from any thread.
 */
public final class FormLoginSite {

    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    private FormLoginSite() {
    }

    /** Routes {@code server}'s /login, /home and /items to a new site. */
    public static FormLoginSite on(TargetServer server) {
        FormLoginSite site = new FormLoginSite();
        server.respond("POST", "/login", site::login);
        server.respond("GET", "/home", site::page);
        server.respond("GET", "/items", site::page);
        return site;
    }

    /** Requests to /home or /items without the session cookie of their user. */
    public int refused() {
        return refused.get();
    }

    private Behaviour login(ReceivedRequest request) {
        boolean form = "application/x-www-form-urlencoded".equals(request.header("Content-Type"));
        String user = request.header("X-User");
        if (!form || !request.body().equals("user=user" + user + "%40example.com&pw=p+w%26" + user)) {
            return Behaviour.status(400);
        }
        String session = "s-" + user;
        sessions.put(user, session);
        return Behaviour.status(302).withHeader("Location", "/home")
                .withHeader("Set-Cookie", "sid=" + session + "; Path=/; HttpOnly; Max-Age=3600");
    }

    private Behaviour page(ReceivedRequest request) {
        String expected = sessions.get(request.header("X-User"));
        if (expected == null || !expected.equals(request.cookie("sid"))) {
            refused.incrementAndGet();
            return Behaviour.status(401);
        }
        return Behaviour.ok();
    }
}
