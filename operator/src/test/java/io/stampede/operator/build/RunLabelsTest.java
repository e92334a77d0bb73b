package io.stampede.operator.build;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RunLabelsTest {

    /** Kubernetes label values: at most 63 characters, alphanumeric at both ends. */
    private static final String LABEL_VALUE = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

    @Test
    void labelsAnObjectWithTheAppTheLoadTestTheComponentAndTheRun() {
        Map<String, String> labels = RunLabels.of(new BuildInput().loadTest, 3, "worker");

        assertThat(labels).containsOnly(
                entry("app.kubernetes.io/name", "stampede"),
                entry("app.kubernetes.io/instance", "shop"),
                entry("app.kubernetes.io/component", "worker"),
                entry("stampede.io/run", "3"),
                entry("app.kubernetes.io/managed-by", "stampede-operator"),
                entry("app.kubernetes.io/part-of", "stampede"));
    }

    @Test
    void theSelectorPicksOneComponentOfOneRun() {
        Map<String, String> selector = RunLabels.selector(new BuildInput().loadTest, 3, "master");

        assertThat(selector).containsOnly(
                entry("app.kubernetes.io/name", "stampede"),
                entry("app.kubernetes.io/instance", "shop"),
                entry("app.kubernetes.io/component", "master"),
                entry("stampede.io/run", "3"));
        assertThat(RunLabels.of(new BuildInput().loadTest, 3, "master")).containsAllEntriesOf(selector);
        assertThat(RunLabels.of(new BuildInput().loadTest, 3, "worker")).doesNotContainEntry(
                "app.kubernetes.io/component", "master");
    }

    @Test
    void aNameOf63CharactersIsAValidLabelValue() {
        String name = "a".repeat(63);

        assertThat(RunLabels.of(new BuildInput().named(name).loadTest, 1, "master").values())
                .allSatisfy(value -> assertThat(value).hasSizeLessThanOrEqualTo(63).matches(LABEL_VALUE));
    }

    @Test
    void aLongNameStillGivesValidLabelValues() {
        String name = "nightly-checkout-regression-against-the-staging-shop-frontend-eu-west";

        assertThat(RunLabels.of(new BuildInput().named(name).loadTest, 1, "master").values())
                .allSatisfy(value -> assertThat(value).hasSizeLessThanOrEqualTo(63).matches(LABEL_VALUE));
    }
}
