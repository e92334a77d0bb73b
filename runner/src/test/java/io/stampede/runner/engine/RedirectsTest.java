package io.stampede.runner.engine;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a redirect leads, and with which method and body (pure). */
class RedirectsTest {

    private static final URI TARGET = URI.create("http://shop.test:8080/api");

    private static Object next(String method, int status, String location) {
        return Redirects.next(TARGET, "/api/cart/checkout?x=1", method, status, location);
    }

    @Test
    void threeOhOneTwoThreeTurnIntoAGetWithoutBody() {
        assertThat(next("POST", 301, "/done")).isEqualTo(new Redirects.Hop("GET", "/done", false));
        assertThat(next("POST", 302, "/done")).isEqualTo(new Redirects.Hop("GET", "/done", false));
        assertThat(next("PUT", 303, "/done")).isEqualTo(new Redirects.Hop("GET", "/done", false));
        assertThat(next("HEAD", 302, "/done")).isEqualTo(new Redirects.Hop("HEAD", "/done", false));
    }

    @Test
    void threeOhSevenAndEightKeepTheMethodAndBody() {
        assertThat(next("POST", 307, "/v2")).isEqualTo(new Redirects.Hop("POST", "/v2", true));
        assertThat(next("PATCH", 308, "/v2")).isEqualTo(new Redirects.Hop("PATCH", "/v2", true));
    }

    @Test
    void aRelativeLocationResolvesAgainstTheRequestAndAbsoluteOnesOnTheTargetAreFollowed() {
        assertThat(next("GET", 302, "paid?order=7")).isEqualTo(new Redirects.Hop("GET", "/api/cart/paid?order=7", false));
        assertThat(next("GET", 302, "../home")).isEqualTo(new Redirects.Hop("GET", "/api/home", false));
        assertThat(next("GET", 302, "http://SHOP.test:8080/x#frag")).isEqualTo(new Redirects.Hop("GET", "/x", false));
    }

    @Test
    void anotherHostPortOrSchemeIsRefusedNamingWhere() {
        assertThat(next("GET", 302, "http://evil.test/x")).isEqualTo(
                new Redirects.Refused("redirect to another host: evil.test:80"));
        assertThat(next("GET", 302, "http://shop.test:9090/x")).isEqualTo(
                new Redirects.Refused("redirect to another host: shop.test:9090"));
        assertThat(next("GET", 302, "https://shop.test:8080/x")).isEqualTo(
                new Redirects.Refused("redirect to another host: shop.test:8080"));
        assertThat(next("GET", 302, "http://[::1")).isEqualTo(
                new Redirects.Refused("redirect to an invalid Location"));
    }

    @Test
    void onlyTheFiveRedirectStatusesAreRedirects() {
        assertThat(java.util.List.of(301, 302, 303, 307, 308)).allMatch(Redirects::isRedirect);
        assertThat(java.util.List.of(300, 304, 305, 200, 404)).noneMatch(Redirects::isRedirect);
    }
}
