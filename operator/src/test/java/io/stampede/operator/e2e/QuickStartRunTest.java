package io.stampede.operator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.testing.FakeMasterResource;
import io.stampede.operator.testing.SampleLoadTests;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's cluster quick start played as written on the mock API server: the operator configured as the
 * chart's default values configure it, with the allowlist the README installs with; every file the quick start
 * applies is applied in its order (the demo target's Deployment and Service, then the smoke LoadTest aimed at
 * {@code http://demo-target:8080}); the {@link Kubelet} runs the demo target's pod, the master and the worker as real
 * runner processes on loopback, the worker resolving {@code demo-target} as cluster DNS would. The run ends in
 * Succeeded with both thresholds held. About 45 s: the smoke preset is 30 s of load.
 */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(FakeMasterResource.class)
@TestProfile(QuickStartRunTest.ChartDefaults.class)
class QuickStartRunTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern ALLOWLIST = Pattern.compile("targetAllowlist=\\{([^}]*)}");
    private static final Pattern APPLIED = Pattern.compile("-n (\\S+) apply -f (k8s/examples/[\\w.-]+\\.yaml)");

    /**
     * The operator's settings from helm/stampede/values.yaml, as templates/deployment.yaml passes them in env, and
     * the README's {@code --set targetAllowlist=...}. {@code master-lost-after} is not a chart value: its default.
     */
    public static final class ChartDefaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                JsonNode values = new YAMLMapper().readTree(ROOT.resolve("helm/stampede/values.yaml").toFile());
                Matcher allowlist = ALLOWLIST.matcher(quickStart());
                assertThat(allowlist.find()).as("the quick start installs with a targetAllowlist").isTrue();
                List<String> images = new ArrayList<>();
                values.path("allowedImages").forEach(image -> images.add(image.asText()));
                return Map.of(
                        "stampede.target-allowlist", allowlist.group(1),
                        "stampede.allowed-images", String.join(",", images),
                        "stampede.max-concurrent-per-namespace", values.path("maxConcurrentPerNamespace").asText(),
                        "stampede.progress-interval", values.path("progressInterval").asText(),
                        "stampede.workers-connect-timeout", values.path("workersConnectTimeout").asText(),
                        "stampede.master-lost-after", "30s");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    KubernetesClient client;

    private Kubelet kubelet;
    private String namespace;

    @AfterEach
    void stopEverything() {
        if (kubelet != null) kubelet.close();
        if (namespace != null) FakeMasterResource.master().stopForwarding(namespace);
    }

    @Test
    void theReadmesQuickStartEndsSucceededWithTheChartsDefaults() throws Exception {
        Matcher applied = APPLIED.matcher(quickStart());
        List<Path> files = new ArrayList<>();
        while (applied.find()) {
            namespace = applied.group(1);
            files.add(ROOT.resolve(applied.group(2)));
        }
        assertThat(files).as("files the quick start applies").extracting(path -> path.getFileName().toString())
                .containsExactly("demo-target.yaml", "smoke.yaml");
        startKubelet();

        String loadTestName = null;
        for (Path file : files) {
            String yaml = Files.readString(file);
            if (yaml.contains("kind: LoadTest")) {
                awaitDemoTarget(); // what `kubectl rollout status deployment/demo-target` would wait for
                LoadTest loadTest = SampleLoadTests.parse(yaml);
                loadTestName = loadTest.getMetadata().getName();
                client.resource(loadTest).inNamespace(namespace).create();
            } else {
                client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).inNamespace(namespace).create();
            }
        }

        String name = loadTestName;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(kubelet.failure()).as("the harness").isNull();
            assertThat(status(name).getCompletionTime()).as(kubelet.logs()).isNotNull();
        });
        LoadTestStatus status = status(name);
        assertThat(status.getPhase()).as("status.message: %s%n%s", status.getMessage(), kubelet.logs())
                .isEqualTo("Succeeded");
        assertThat(status.getThresholds()).hasSize(2).allSatisfy(t -> assertThat(t.getPassed()).isTrue());
        assertThat(status.getSummary().getTotal().getRequests()).isPositive();
        assertThat(status.getSummary().getTotal().getFailures()).isZero();
    }

    private void startKubelet() throws IOException {
        Path runnerJar = Path.of(System.getProperty("e2e.runner.jar", "../runner/target/stampede.jar"))
                .toAbsolutePath().normalize();
        assertThat(runnerJar).as("the runner jar (built by the runner module before the operator's tests)").exists();
        Path podFiles = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), "quick-start-");
        kubelet = new Kubelet(client, namespace, runnerJar, podFiles.toAbsolutePath());
        FakeMasterResource.master().forwardTo(namespace, service -> kubelet.serviceIp(service));
    }

    private void awaitDemoTarget() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() -> {
            String ip = kubelet.serviceIp("demo-target");
            assertThat(ip).as("a running pod behind Service demo-target").isNotNull();
            HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://" + ip + ":8080/health"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(health.statusCode()).isEqualTo(200);
        });
    }

    private LoadTestStatus status(String name) {
        LoadTest loadTest = client.resources(LoadTest.class).inNamespace(namespace).withName(name).get();
        assertThat(loadTest.getStatus()).as("status of " + name).isNotNull();
        return loadTest.getStatus();
    }

    private static String quickStart() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## In a cluster");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
