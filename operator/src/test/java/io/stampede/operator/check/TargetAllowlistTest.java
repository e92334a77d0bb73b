package io.stampede.operator.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetAllowlistTest {

    @ParameterizedTest(name = "[{0}] {1} -> allowed: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            shop.staging.svc                  | http://shop.staging.svc:8080         | true
            shop.staging.svc                  | https://shop.staging.svc/api         | true
            shop.staging.svc                  | http://cart.staging.svc:8080         | false
            shop.staging.svc                  | http://shop.staging.svc.evil.com     | false
            *.staging.svc                     | http://shop.staging.svc:8080         | true
            *.staging.svc                     | http://api.shop.staging.svc          | true
            *.staging.svc                     | http://staging.svc                   | false
            *.staging.svc                     | http://shop.production.svc           | false
            *.staging.svc                     | http://evilstaging.svc               | false
            *                                 | https://example.com                  | true
            SHOP.Staging.svc                  | http://shop.staging.svc              | true
            shop.staging.svc                  | http://SHOP.STAGING.SVC:8080         | true
            *.STAGING.svc                     | http://Shop.staging.SVC              | true
            'shop.staging.svc, *.qa.svc'      | http://cart.qa.svc                   | true
            ' shop.staging.svc , '            | http://shop.staging.svc              | true
            """)
    void allowsOnlyTheHostsItNames(String patterns, String target, boolean allowed) {
        TargetAllowlist allowlist = new TargetAllowlist(Arrays.asList(patterns.split(",")));

        assertThat(allowlist.refusal(target).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void anEmptyListAllowsAnyTarget() {
        assertThat(new TargetAllowlist(List.of()).refusal("http://anything.example.com")).isEmpty();
        assertThat(new TargetAllowlist(List.of(" ", "")).refusal("not a url at all")).isEmpty();
    }

    @Test
    void saysWhichHostIsRefusedAndWhatTheListAllows() {
        TargetAllowlist allowlist = new TargetAllowlist(List.of("shop.staging.svc", "*.qa.svc"));

        assertThat(allowlist.refusal("http://Payments.prod.svc:8080")).contains("spec.target: the host payments.prod.svc "
                + "is not in the operator's target allowlist (shop.staging.svc, *.qa.svc); ask your cluster admin to allow it");
    }

    @Test
    void refusesATargetWithoutAHostAndQuotesIt() {
        TargetAllowlist allowlist = new TargetAllowlist(List.of("*"));

        assertThat(allowlist.refusal("shop staging")).hasValueSatisfying(message -> assertThat(message)
                .startsWith("spec.target: the host of 'shop staging' is not in the operator's target allowlist (*)"));
        assertThat(allowlist.refusal("/api/products")).hasValueSatisfying(message -> assertThat(message)
                .contains("the host of '/api/products'"));
    }
}
