package io.stampede.operator;

import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.Phase;
import io.stampede.operator.check.TargetAllowlist;
import io.stampede.operator.status.Conditions;
import io.stampede.operator.testing.KubeYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's cluster quick start and the chart's NOTES.txt work as written: the allowlist the README installs
 * with admits every example it then applies (checked with the operator's own allowlist), and the documented
 * {@code kubectl wait --for=condition=Reconciling=False} ends on every verdict, not only on success.
 */
class QuickStartTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern ALLOWLIST = Pattern.compile("targetAllowlist=\\{([^}]*)}");
    private static final Pattern APPLIED_EXAMPLE = Pattern.compile("apply -f (k8s/examples/[\\w.-]+\\.yaml)");
    private static final String WAIT = "--for=condition=Reconciling=False";

    @Test
    void theReadmesAllowlistAdmitsTheExamplesItApplies() throws Exception {
        String quickStart = section(Files.readString(ROOT.resolve("README.md")), "## In a cluster");
        Matcher allowlist = ALLOWLIST.matcher(quickStart);
        assertThat(allowlist.find()).as("the quick start installs with a targetAllowlist").isTrue();
        TargetAllowlist policy = new TargetAllowlist(Arrays.asList(allowlist.group(1).split(",")));

        List<String> targets = new ArrayList<>();
        Matcher applied = APPLIED_EXAMPLE.matcher(quickStart);
        while (applied.find()) {
            String yaml = Files.readString(ROOT.resolve(applied.group(1)));
            if (!yaml.contains("kind: LoadTest")) continue;
            targets.add(KubeYaml.parse(yaml, LoadTest.class).getSpec().getTarget());
        }

        assertThat(targets).as("LoadTests the quick start applies").contains("http://demo-target:8080");
        for (String target : targets) {
            assertThat(policy.refusal(target)).as("the quick start's allowlist %s refuses %s", allowlist.group(1), target)
                    .isEmpty();
        }
    }

    @Test
    void theDocumentedWaitEndsOnEveryVerdict() throws Exception {
        assertThat(Files.readString(ROOT.resolve("helm/stampede/templates/NOTES.txt"))).contains(WAIT)
                .doesNotContain("=Succeeded --timeout");
        assertThat(section(Files.readString(ROOT.resolve("README.md")), "## In a cluster")).contains(WAIT);
        for (Phase phase : Phase.values()) {
            LoadTestStatus status = new LoadTestStatus();
            status.setPhase(phase.name());
            Conditions.derive(status, 1, Instant.parse("2026-12-05T08:00:00Z"));
            assertThat(Conditions.find(status, Conditions.RECONCILING).getStatus()).as("Reconciling in %s", phase)
                    .isEqualTo(phase.isFinished() ? "False" : "True");
        }
    }

    @Test
    void theDocsStateTheKubernetesFloorTheWorkerJobNeeds() throws Exception {
        // backoffLimitPerIndex (the worker Job) is on by default from Kubernetes 1.29
        assertThat(Files.readString(ROOT.resolve("docs/install.md"))).contains("Kubernetes 1.29 or newer")
                .doesNotContain("1.25");
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("Kubernetes 1.29 or newer");
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + heading.length());
        return end < 0 ? markdown.substring(start) : markdown.substring(start, end);
    }
}
