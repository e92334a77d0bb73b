package io.stampede.runner.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cookie jar's RFC 6265 rules, with the time passed in (no clock). */
class CookieJarTest {

    private static final long NOW = 1_800_000_000_000L;
    private final CookieJar jar = new CookieJar();

    private void set(String host, String path, String... headers) {
        jar.store(host, path, List.of(headers), NOW);
    }

    @Test
    void sendsACookieBackToItsHostOnEveryPathUnderItsPath() {
        set("shop.test", "/login", "sid=abc; Path=/; HttpOnly");

        assertThat(jar.header("shop.test", "/items?page=2", false, NOW)).isEqualTo("sid=abc");
        assertThat(jar.header("other.test", "/items", false, NOW)).isNull();
    }

    @Test
    void withoutPathTheCookieBelongsToTheRequestsDirectory() {
        set("shop.test", "/account/login?next=/", "sid=abc");

        assertThat(jar.header("shop.test", "/account/orders", false, NOW)).isEqualTo("sid=abc");
        assertThat(jar.header("shop.test", "/account", false, NOW)).isEqualTo("sid=abc");
        assertThat(jar.header("shop.test", "/accounting", false, NOW)).isNull();
        assertThat(jar.header("shop.test", "/", false, NOW)).isNull();
    }

    @Test
    void aDomainCookieGoesToSubdomainsAHostOnlyOneDoesNot() {
        set("www.shop.test", "/", "wide=1; Domain=.shop.test; Path=/", "narrow=2; Path=/");

        assertThat(jar.header("api.shop.test", "/", false, NOW)).isEqualTo("wide=1");
        assertThat(jar.header("www.shop.test", "/", false, NOW)).isEqualTo("wide=1; narrow=2");
    }

    @Test
    void aCookieForADomainTheHostIsNotInIsRejected() {
        set("shop.test", "/", "evil=1; Domain=bank.test; Path=/", "sub=1; Domain=www.shop.test; Path=/");

        assertThat(jar.size()).isZero();
    }

    @Test
    void maxAgeExpiresTheCookieAndZeroRemovesIt() {
        set("shop.test", "/", "sid=abc; Path=/; Max-Age=60");

        assertThat(jar.header("shop.test", "/", false, NOW + 59_000)).isEqualTo("sid=abc");
        assertThat(jar.header("shop.test", "/", false, NOW + 60_000)).isNull();

        set("shop.test", "/", "keep=1; Path=/", "keep=1; Path=/; Max-Age=0");
        assertThat(jar.header("shop.test", "/", false, NOW)).isEqualTo("sid=abc");
    }

    @Test
    void anExpiresInThePastRemovesTheCookieAndMaxAgeWinsOverExpires() {
        set("shop.test", "/", "sid=abc; Path=/");
        set("shop.test", "/", "sid=gone; Path=/; Expires=Thu, 01 Jan 1970 00:00:01 GMT");
        assertThat(jar.header("shop.test", "/", false, NOW)).isNull();

        set("shop.test", "/", "sid=kept; Path=/; Max-Age=600; Expires=Thu, 01 Jan 1970 00:00:01 GMT");
        assertThat(jar.header("shop.test", "/", false, NOW)).isEqualTo("sid=kept");
    }

    @Test
    void aSecureCookieIsSentOverHttpsOnly() {
        set("shop.test", "/", "sid=abc; Path=/; Secure");

        assertThat(jar.header("shop.test", "/", false, NOW)).isNull();
        assertThat(jar.header("shop.test", "/", true, NOW)).isEqualTo("sid=abc");
    }

    @Test
    void aNewValueReplacesTheOldAndLongerPathsGoFirst() {
        set("shop.test", "/", "a=1; Path=/", "b=2; Path=/cart");
        set("shop.test", "/", "a=3; Path=/");

        assertThat(jar.header("shop.test", "/cart/items", false, NOW)).isEqualTo("b=2; a=3");
        assertThat(jar.size()).isEqualTo(2);
    }

    @Test
    void clearForgetsEverything() {
        set("shop.test", "/", "sid=abc; Path=/");
        jar.clear();

        assertThat(jar.header("shop.test", "/", false, NOW)).isNull();
    }
}
