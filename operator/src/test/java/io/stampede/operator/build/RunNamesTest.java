package io.stampede.operator.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunNamesTest {

    private static final String DNS_1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";

    @ParameterizedTest(name = "{0} run {1}")
    @CsvSource({
            "shop,                                                          1, shop-1",
            "shop,                                                         12, shop-12",
            "2024-sale,                                                     1, lt-2024-sale-1",
            "nightly-checkout-regression-against-the-staging-shop-frontend, 1, nightly-checkout-regression-against-the-stagin-4f4ca2-1",
            "a2345678901234567890123456789012345678901234567890123,         1, a2345678901234567890123456789012345678901234567890123-1",
            "a23456789012345678901234567890123456789012345678901234,        1, a234567890123456789012345678901234567890123456-4c2fef-1",
    })
    void namesEveryObjectOfARunAfterTheLoadTestAndTheRun(String loadTest, int run, String base) {
        RunNames names = RunNames.of(loadTest, run);

        assertThat(names.masterPod()).isEqualTo(base + "-master");
        assertThat(names.masterService()).isEqualTo(base + "-master");
        assertThat(names.workerJob()).isEqualTo(base + "-workers");
        assertThat(names.testConfigMap()).isEqualTo(base + "-test");
        assertThat(names.workerToken()).isEqualTo(base + "-token");
        for (String name : List.of(names.masterPod(), names.workerJob(), names.testConfigMap(), names.workerToken())) {
            assertThat(name).hasSizeLessThanOrEqualTo(63).matches(DNS_1035);
        }
    }

    @Test
    void twoLongNamesWithTheSameStartStayApart() {
        String common = "a-very-long-load-test-name-that-goes-on-and-on-and-on-";

        RunNames first = RunNames.of(common + "monday", 1);
        RunNames second = RunNames.of(common + "tuesday", 1);

        assertThat(first.workerJob()).isNotEqualTo(second.workerJob());
        assertThat(first.workerJob()).hasSize(63);
    }

    @Test
    void aCutNeverLeavesTwoDashesBeforeTheHash() {
        String name = "x".repeat(44) + "-----" + "tail-that-gets-cut";

        assertThat(RunNames.of(name, 1).base()).doesNotContain("--").matches(DNS_1035);
    }

    @Test
    void aLongNameGetsTheSameNamesEveryTime() {
        String name = "nightly-checkout-regression-against-the-staging-shop-frontend";

        assertThat(RunNames.of(name, 7)).isEqualTo(RunNames.of(name, 7));
    }

    @Test
    void aDottedNameStillGivesAValidServiceName() {
        assertThat(RunNames.of("shop.v2", 1).masterService()).matches(DNS_1035);
    }
}
