package io.stampede.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.model.spec.LoadTestDocument;
import io.stampede.runner.model.spec.RequestSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files built to hurt the reader: huge values and files, aliases, bytes that are not UTF-8. Each is read correctly
 * or refused with a message that says what and where, never a hang, a silent misreading or a stack trace. The
 * timeouts only stop a hang from stalling the build; no test measures speed.
 */
class HostileFileTest {

    private static final String HEAD = "apiVersion: stampede.io/v1alpha1\nkind: LoadTest\nmetadata: {name: t}\n";

    @TempDir
    Path dir;

    private static String withBody(String body) {
        return HEAD + "spec:\n  target: http://localhost:8080\n  userClasses:\n    - name: u\n      tasks:\n"
                + "        - name: t\n          request:\n            method: POST\n            path: /p\n"
                + "            body: " + body + "\n";
    }

    private static RequestSpec firstRequest(LoadTestDocument document) {
        return document.spec().userClasses().get(0).tasks().get(0).request().request();
    }

    private static long allocatedBytes(Runnable work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void readsAOneMegabyteValueInMemoryProportionalToIt() {
        String value = "x".repeat(1_000_000);
        LoadTestDocument[] read = new LoadTestDocument[1];

        long allocated = allocatedBytes(() -> {
            try {
                read[0] = LoadTestParser.parse(withBody(value));
            } catch (InvalidLoadTestException e) {
                throw new AssertionError(e);
            }
        });

        assertThat(firstRequest(read[0]).body()).isEqualTo(value);
        // the text is 1 MB; a reader that copies its window on every 1 KB read allocated ~800 MB for it
        assertThat(allocated).as("bytes allocated to read a 1 MB value").isLessThan(64L << 20);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refusesAFileOverTheSizeLimitNamingIt() throws Exception {
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, withBody("x".repeat(50_000_000)));

        assertThatThrownBy(() -> LoadTestParser.parse(huge))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.path()).isEqualTo(Problem.FILE);
                            assertThat(problem.message()).contains("the limit is 8 MiB (8388608 bytes)");
                        }));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refusesAValueOverTheValueLimitNamingItAndItsLine() {
        assertThatThrownBy(() -> LoadTestParser.parse(withBody("x".repeat(3_000_000))))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(problem -> assertThat(problem.message())
                                .contains("line 13").contains("the limit is 2097152 characters per value")));
    }

    @Test
    void resolvesAliasesAsKubectlDoes() throws Exception {
        LoadTestDocument document = LoadTestParser.parse(HEAD + """
                spec:
                  target: http://localhost:8080
                  defaults:
                    headers: &common {Accept: application/json, X-Team: &team shop}
                  userClasses:
                    - name: u
                      headers: *common
                      tasks:
                        - name: t
                          request:
                            method: POST
                            path: /orders
                            json: {order: &order {id: 1, items: [a, b]}, copy: *order, team: *team}
                """);

        assertThat(document.spec().userClasses().get(0).headers())
                .containsEntry("Accept", "application/json").containsEntry("X-Team", "shop");
        JsonNode json = firstRequest(document).json();
        assertThat(json.get("copy")).isEqualTo(json.get("order"));
        assertThat(json.get("copy").get("items").size()).isEqualTo(2);
        assertThat(json.get("team").textValue()).isEqualTo("shop");
    }

    @Test
    void refusesAnAliasWithoutItsAnchorAndMergeKeys() {
        assertThatThrownBy(() -> LoadTestParser.parse(withBody("*order")))
                .hasMessageContaining("line 13").hasMessageContaining("the alias *order names no anchor");
        assertThatThrownBy(() -> LoadTestParser.parse(HEAD + "base: &b {target: http://localhost}\n"
                + "spec: {<<: *b, userClasses: []}\n"))
                .hasMessageContaining("merge keys (<<: *b) are not supported");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refusesAliasesThatExpandWithoutEnd() {
        StringBuilder laughs = new StringBuilder("spec:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("  a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        assertThatThrownBy(() -> LoadTestParser.parse(HEAD + laughs))
                .hasMessageContaining("aliases copy more than 100000 values");
    }

    @Test
    void saysAFileThatIsNotUtf8IsNotUtf8AndWhere() throws Exception {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, (HEAD + "spec:\n  target: http://localhost:8080 # café\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> LoadTestParser.parse(latin1))
                .isInstanceOfSatisfying(InvalidLoadTestException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(problem -> assertThat(problem.message())
                                .contains("not UTF-8 text").contains("0xE9").contains("line 5")
                                .doesNotContain("Input length")));
    }

    @Test
    void placesAControlCharacterYamlDoesNotAllow() {
        assertThatThrownBy(() -> LoadTestParser.parse(withBody("a\u0007b")))
                .hasMessageContaining("line 13, column 20").hasMessageContaining("U+0007");
    }
}
