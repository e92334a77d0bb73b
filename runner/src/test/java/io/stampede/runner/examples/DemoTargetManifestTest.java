package io.stampede.runner.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.stampede.runner.demo.DemoApi;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/examples/demo-target.yaml: the demo API in a pod that the restricted Pod Security Standard admits, reachable
 * through its Service, ready when the demo answers.
 */
class DemoTargetManifestTest {

    private static final ExampleManifests EXAMPLES = ExampleManifests.load();
    /** Volume types the restricted standard allows. */
    private static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");

    private final JsonNode pod = EXAMPLES.one("Deployment", "demo-target").spec().path("template").path("spec");
    private final JsonNode container = pod.path("containers").path(0);

    @Test
    void meetsTheRestrictedPodSecurityStandard() {
        JsonNode podContext = pod.path("securityContext");
        JsonNode context = container.path("securityContext");

        assertThat(pod.path("containers")).hasSize(1);
        assertThat(pod.has("initContainers")).isFalse();
        assertThat(pod.path("hostNetwork").asBoolean() || pod.path("hostPID").asBoolean()
                || pod.path("hostIPC").asBoolean()).isFalse();
        assertThat(context.path("privileged").asBoolean()).isFalse();
        assertThat(context.path("allowPrivilegeEscalation").isBoolean()
                && !context.path("allowPrivilegeEscalation").asBoolean()).as("allowPrivilegeEscalation: false").isTrue();
        assertThat(podContext.path("runAsNonRoot").asBoolean() || context.path("runAsNonRoot").asBoolean())
                .as("runAsNonRoot").isTrue();
        assertThat(List.of(podContext.path("runAsUser"), context.path("runAsUser")))
                .allMatch(user -> user.isMissingNode() || user.asInt() != 0, "runAsUser is never 0");
        assertThat(List.of(podContext, context)).anyMatch(c ->
                c.path("seccompProfile").path("type").asText().equals("RuntimeDefault"));
        assertThat(texts(context.path("capabilities").path("drop"))).contains("ALL");
        assertThat(texts(context.path("capabilities").path("add"))).isSubsetOf("NET_BIND_SERVICE");
        assertThat(texts(container.path("ports").findValues("hostPort"))).isEmpty();
        for (JsonNode volume : pod.path("volumes")) {
            Set<String> fields = fieldNames(volume);
            fields.remove("name");
            assertThat(fields).as("volume %s", volume.path("name").asText()).isSubsetOf(RESTRICTED_VOLUME_TYPES);
        }
    }

    @Test
    void hasAReadOnlyRootFilesystemWithAWritableTmp() {
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        JsonNode tmp = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(mount -> mount.path("mountPath").asText().equals("/tmp")).findFirst()
                .orElseThrow(() -> new AssertionError("/tmp is not mounted"));
        JsonNode volume = StreamSupport.stream(pod.path("volumes").spliterator(), false)
                .filter(v -> v.path("name").asText().equals(tmp.path("name").asText())).findFirst().orElseThrow();

        assertThat(volume.has("emptyDir")).isTrue();
        assertThat(tmp.path("readOnly").asBoolean()).isFalse();
    }

    @Test
    void requestsResourcesAndCapsMemory() {
        JsonNode resources = container.path("resources");

        assertThat(resources.path("requests").has("cpu")).isTrue();
        assertThat(resources.path("requests").has("memory")).isTrue();
        assertThat(resources.path("limits").has("memory")).isTrue();
    }

    @Test
    void runsTheRunnerImageTheDockerfileBuildsServingOnAllInterfaces() throws Exception {
        Matcher version = Pattern.compile("(?m)^ARG VERSION=(\\S+)$")
                .matcher(Files.readString(Path.of("Dockerfile")));
        assertThat(version.find()).as("runner/Dockerfile has ARG VERSION=...").isTrue();

        assertThat(container.path("image").asText()).isEqualTo("ghcr.io/stampede-io/stampede-runner:" + version.group(1));
        assertThat(texts(container.path("args")))
                .containsExactly("demo", "--serve", "--bind", "0.0.0.0:" + containerPort("http"));
        assertThat(EXAMPLES.one("Deployment", "demo-target").spec().path("replicas").asInt())
                .as("one replica: each demo process signs tokens with its own key").isEqualTo(1);
    }

    @Test
    void serviceReachesTheContainerPort() {
        JsonNode service = EXAMPLES.one("Service", "demo-target").spec();
        JsonNode targetPort = service.path("ports").path(0).path("targetPort");
        Map<String, String> podLabels = stringMap(EXAMPLES.one("Deployment", "demo-target").spec()
                .path("template").path("metadata").path("labels"));

        assertThat(targetPort.isInt() ? targetPort.asInt() : containerPort(targetPort.asText()))
                .isEqualTo(containerPort("http"));
        assertThat(podLabels).containsAllEntriesOf(stringMap(service.path("selector")));
        assertThat(stringMap(service.path("selector"))).isNotEmpty();
    }

    @Test
    void readinessProbeAsksAnEndpointTheDemoAnswersWithoutAToken() throws Exception {
        JsonNode probe = container.path("readinessProbe").path("httpGet");
        assertThat(containerPort(probe.path("port").asText())).isPositive();

        Vertx vertx = Vertx.vertx();
        try {
            DemoApi api = DemoApi.start(vertx, DemoApi.Options.defaults())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(api.baseUrl() + probe.path("path").asText()))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The container port with that name (or number). */
    private int containerPort(String nameOrNumber) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(nameOrNumber)
                    || port.path("containerPort").asText().equals(nameOrNumber)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port " + nameOrNumber);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new java.util.TreeMap<>();
        object.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }
}
