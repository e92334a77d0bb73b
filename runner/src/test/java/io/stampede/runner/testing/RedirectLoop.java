package io.stampede.runner.testing;

/**
 * A route that redirects for ever, on a {@link TargetServer}: {@code GET /loop?n=K} answers 302 to
 * {@code /loop?n=K+1}. The requests it received show how far a client followed.
 */
public final class RedirectLoop {

    private RedirectLoop() {
    }

    /** Routes {@code server}'s {@code GET /loop}; requests must carry {@code ?n=<integer>}. */
    public static void on(TargetServer server) {
        server.respond("GET", "/loop", request -> {
            int n = Integer.parseInt(request.pathAndQuery().substring("/loop?n=".length()));
            return Behaviour.status(302).withHeader("Location", "/loop?n=" + (n + 1));
        });
    }
}
