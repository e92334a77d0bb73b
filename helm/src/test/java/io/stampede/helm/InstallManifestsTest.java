package io.stampede.helm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/install/stampede.yaml is the chart rendered with its defaults (release stampede, namespace stampede-system)
 * after the Namespace. It is generated, never edited: when the chart changes, regenerate it with
 * {@code ./mvnw -B -f helm/pom.xml verify -Dstampede.helm.build.dir=/tmp/build-helm -Dstampede.updateManifests=true}.
 */
class InstallManifestsTest {

    private static final Path MANIFEST = RepoFiles.installDir().resolve("stampede.yaml");

    static final String HEADER = """
            # Stampede operator, plain manifests. GENERATED from helm/stampede with default values (release "stampede",
            # namespace stampede-system): do not edit. Regenerate (helm/README.md):
            #   ./mvnw -B -f helm/pom.xml verify -Dstampede.helm.build.dir=/tmp/build-helm -Dstampede.updateManifests=true
            # Install, CRD included:  kubectl apply --server-side -f k8s/install/
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: stampede-system
              labels:
                app.kubernetes.io/part-of: stampede
                pod-security.kubernetes.io/enforce: restricted
            """;

    private static String expected() {
        String rendering = ChartRendering.chart().template().withKubeVersion(ChartRendering.KUBE_VERSION)
                .withName(ChartRendering.RELEASE).withNamespace(ChartRendering.NAMESPACE).call();
        return HEADER + rendering.strip() + "\n";
    }

    @Test
    void committedManifestIsTheChartsDefaultRendering() {
        String expected = expected();
        if (GeneratedFiles.updateRequested()) GeneratedFiles.write(MANIFEST, expected);

        assertThat(MANIFEST).exists();
        List<JsonNode> committed = RenderedChart.parse(GeneratedFiles.read(MANIFEST));
        assertThat(committed)
                .as("k8s/install/stampede.yaml is out of date; rerun with -Dstampede.updateManifests=true")
                .containsExactlyElementsOf(RenderedChart.parse(expected));
    }

    @Test
    void manifestCreatesARestrictedNamespaceBeforeTheObjectsInIt() {
        List<JsonNode> objects = RenderedChart.parse(GeneratedFiles.read(MANIFEST));
        JsonNode namespace = objects.get(0);

        assertThat(namespace.path("kind").asText()).isEqualTo("Namespace");
        assertThat(namespace.at("/metadata/name").asText()).isEqualTo("stampede-system");
        assertThat(namespace.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText()).isEqualTo("restricted");
        assertThat(objects.subList(1, objects.size()))
                .filteredOn(o -> !o.path("kind").asText().startsWith("Cluster"))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.at("/metadata/namespace").asText()).isEqualTo("stampede-system"));
    }
}
