package io.stampede.runner.cli;

import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.ReceivedRequest;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.stampede.runner.cli.Cli.file;
import static io.stampede.runner.cli.Cli.stampede;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user model's parts together, as the first "done when" reads: 50 users draw 50 accounts from a CSV
 * (pick: unique), log in with a form that answers 302 + Set-Cookie, follow it to their page, then browse with
 * their own session. The server, not the report, says each account logged in exactly once and no request after
 * the login came without its own user's cookie.
 */
class UserJourneyTest {

    @TempDir
    Path dir;

    @Test
    void fiftyUsersLogInOnceEachWithTheirOwnRowAndKeepTheirOwnSessionCookie() throws Exception {
        StringBuilder csv = new StringBuilder("email,password\n");
        Map<String, String> passwords = new HashMap<>();
        for (int i = 1; i <= 50; i++) {
            csv.append("user").append(i).append("@example.com,pw&").append(i).append('\n');
            passwords.put("user" + i + "@example.com", "pw&" + i);
        }
        Files.writeString(dir.resolve("accounts.csv"), csv);

        Map<String, AtomicInteger> logins = new ConcurrentHashMap<>();
        AtomicInteger badLogins = new AtomicInteger();
        AtomicInteger withoutOwnCookie = new AtomicInteger();
        AtomicInteger pages = new AtomicInteger();
        try (TargetServer server = TargetServer.start()) {
            server.respond("POST", "/login", request -> {
                Map<String, String> form = form(request);
                String email = form.get("user");
                boolean valid = "application/x-www-form-urlencoded".equals(request.header("Content-Type"))
                        && email != null && passwords.get(email) != null && passwords.get(email).equals(form.get("pw"));
                if (!valid) {
                    badLogins.incrementAndGet();
                    return Behaviour.status(400);
                }
                logins.computeIfAbsent(email, e -> new AtomicInteger()).incrementAndGet();
                return Behaviour.status(302).withHeader("Location", "/home")
                        .withHeader("Set-Cookie", "sid=" + session(email) + "; Path=/; HttpOnly");
            });
            java.util.function.Function<ReceivedRequest, Behaviour> page = request -> {
                pages.incrementAndGet();
                String email = request.header("X-Account");
                String cookie = request.header("Cookie");
                if (email == null || cookie == null || !cookie.contains("sid=" + session(email))) {
                    withoutOwnCookie.incrementAndGet();
                    return Behaviour.status(401);
                }
                return Behaviour.ok();
            };
            server.respond("GET", "/home", page);
            server.respond("GET", "/items", page);
            Path test = file(dir, "journey.yaml", """
                    apiVersion: stampede.io/v1alpha1
                    kind: LoadTest
                    metadata: {name: journey}
                    spec:
                      target: TARGET
                      load: {users: 50, spawnRate: 100, duration: 3s}
                      data:
                        accounts: {csv: accounts.csv, pick: unique}
                      userClasses:
                        - name: member
                          wait: {constant: 100ms}
                          headers: {X-Account: "${accounts.email}"}
                          onStart:
                            - request: {method: POST, path: /login, name: login,
                                        form: {user: "${accounts.email}", pw: "${accounts.password}"}}
                          tasks:
                            - request: {method: GET, path: /items}
                      thresholds:
                        - expr: failures == 0
                    """, server.baseUrl());

            Cli.Outcome outcome = stampede("run", test.toString(), "-q");

            assertThat(outcome.exitCode()).as(outcome.all()).isZero();
            assertThat(badLogins.get()).isZero();
            assertThat(logins).hasSize(50);
            assertThat(logins.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(withoutOwnCookie.get()).isZero();
            // Each login was followed to /home (50) and every user browsed: more pages than logins.
            assertThat(pages.get()).isGreaterThan(100);
        }
    }

    private static String session(String email) {
        return "s" + Integer.toHexString(email.hashCode());
    }

    private static Map<String, String> form(ReceivedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.body().split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
