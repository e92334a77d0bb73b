package io.stampede.helm;

import com.marcnuri.helm.Helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders helm/stampede with Helm itself (helm-java, fully offline), as {@code helm template} would.
 * {@code template} leaves out the chart's crds/ folder; {@link RepoFiles} reads the CRD directly.
 */
final class ChartRendering {

    /** Release name and namespace of the plain manifests in k8s/install/ and of the tests' default install. */
    static final String RELEASE = "stampede";
    static final String NAMESPACE = "stampede-system";
    /** The oldest Kubernetes the chart accepts (Chart.yaml kubeVersion): helm template pretends v1.20 otherwise. */
    static final String KUBE_VERSION = "v1.29.0";

    private ChartRendering() {
    }

    /** Renders for {@code kubeVersion}, like {@code helm template --kube-version}. */
    static String renderFor(String kubeVersion) {
        return chart().template().withKubeVersion(kubeVersion).withName(RELEASE).withNamespace(NAMESPACE).call();
    }

    static Helm chart() {
        return new Helm(RepoFiles.chartDir());
    }

    /** The default install: no values beyond the chart's own. */
    static RenderedChart renderDefaults() {
        return new RenderedChart(chart().template().withKubeVersion(KUBE_VERSION).withName(RELEASE).withNamespace(NAMESPACE).call());
    }

    /**
     * Renders with {@code valuesYaml} as a values file (like {@code helm template -f}).
     *
     * @throws IllegalStateException with Helm's message when Helm refuses the values (schema) or the templates fail
     */
    static RenderedChart render(String valuesYaml) {
        return new RenderedChart(renderText(valuesYaml));
    }

    static String renderText(String valuesYaml) {
        try {
            Path values = Files.createTempFile("stampede-values", ".yaml");
            try {
                Files.writeString(values, valuesYaml);
                return chart().template().withKubeVersion(KUBE_VERSION).withName(RELEASE).withNamespace(NAMESPACE).withValuesFile(values).call();
            } finally {
                Files.deleteIfExists(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
