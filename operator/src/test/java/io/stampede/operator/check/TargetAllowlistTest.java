package io.stampede.operator.check;

import io.stampede.runner.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetAllowlistTest {

    @ParameterizedTest(name = "[{0}] {1} -> allowed: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            shop.staging.svc                  | http://shop.staging.svc              | true
            shop.staging.svc                  | https://shop.staging.svc/api         | true
            shop.staging.svc                  | http://shop.staging.svc:80           | true
            shop.staging.svc                  | http://shop.staging.svc:8080         | false
            shop.staging.svc                  | http://shop.staging.svc:22           | false
            shop.staging.svc                  | http://shop.staging.svc:443          | false
            shop.staging.svc                  | http://cart.staging.svc              | false
            shop.staging.svc                  | http://shop.staging.svc.evil.com     | false
            shop.staging.svc:8080             | http://shop.staging.svc:8080         | true
            shop.staging.svc:8080             | http://shop.staging.svc              | false
            shop.staging.svc:8080             | http://shop.staging.svc:22           | false
            'shop.staging.svc:8080, shop.staging.svc:9090' | http://shop.staging.svc:9090 | true
            shop.staging.svc:*                | http://shop.staging.svc:22           | true
            *.staging.svc:8080                | http://shop.staging.svc:8080         | true
            *.staging.svc                     | http://api.shop.staging.svc          | true
            *.staging.svc                     | http://staging.svc                   | false
            *.staging.svc                     | http://shop.production.svc           | false
            *.staging.svc                     | http://evilstaging.svc               | false
            *                                 | https://example.com                  | true
            *                                 | https://example.com:8443             | false
            *:*                               | http://10.0.0.1:22                   | true
            10.0.0.1:8080                     | http://10.0.0.1:8080                 | true
            [::1]:8080                        | http://[::1]:8080                    | true
            [::1]                             | http://[::1]:8080                    | false
            SHOP.Staging.svc                  | http://shop.staging.svc              | true
            shop.staging.svc                  | http://SHOP.STAGING.SVC              | true
            *.STAGING.svc                     | http://Shop.staging.SVC              | true
            'shop.staging.svc, *.qa.svc'      | http://cart.qa.svc                   | true
            ' shop.staging.svc , '            | http://shop.staging.svc              | true
            """)
    void allowsOnlyTheHostsAndPortsItNames(String patterns, String target, boolean allowed) {
        TargetAllowlist allowlist = new TargetAllowlist(Arrays.asList(patterns.split(",")));

        assertThat(allowlist.refusal(target).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void anEmptyListAllowsAnyTarget() {
        assertThat(new TargetAllowlist(List.of()).refusal("http://anything.example.com:22")).isEmpty();
        assertThat(new TargetAllowlist(List.of(" ", "")).refusal("not a url at all")).isEmpty();
    }

    @Test
    void saysWhichHostIsRefusedAndWhatTheListAllows() {
        TargetAllowlist allowlist = new TargetAllowlist(List.of("shop.staging.svc", "*.qa.svc"));

        assertThat(allowlist.refusal("http://Payments.prod.svc:8080")).contains(new Problem("spec.target",
                "the host payments.prod.svc is not in the operator's target allowlist (shop.staging.svc, *.qa.svc); "
                        + "ask your cluster admin to allow it"));
    }

    @Test
    void saysWhichPortIsRefusedWhenTheHostIsAllowed() {
        TargetAllowlist allowlist = new TargetAllowlist(List.of("*.staging.svc:8080", "*.staging.svc:443"));

        assertThat(allowlist.refusal("http://shop.staging.svc:22")).contains(new Problem("spec.target",
                "port 22 of shop.staging.svc is not in the operator's target allowlist (*.staging.svc:8080, "
                        + "*.staging.svc:443); ask your cluster admin to allow it"));
        assertThat(allowlist.refusal("http://shop.staging.svc")).hasValueSatisfying(problem ->
                assertThat(problem.message()).as("no port: http's 80").startsWith("port 80 of shop.staging.svc"));
    }

    @Test
    void refusesATargetWithoutAHostAndQuotesIt() {
        TargetAllowlist allowlist = new TargetAllowlist(List.of("*:*"));

        assertThat(allowlist.refusal("shop staging")).hasValueSatisfying(problem -> assertThat(problem.message())
                .startsWith("the host of 'shop staging' is not in the operator's target allowlist (*:*)"));
        assertThat(allowlist.refusal("/api/products")).hasValueSatisfying(problem -> assertThat(problem.message())
                .contains("the host of '/api/products'"));
    }
}
