package io.stampede.runner.model.spec;

/**
 * A LoadTest file as written, after its structure was validated by {@code LoadTestParser}.
 *
 * @param apiVersion always {@code stampede.io/v1alpha1}
 * @param kind       always {@code LoadTest}
 * @param name       metadata.name, a Kubernetes object name
 */
public record LoadTestDocument(String apiVersion, String kind, String name, LoadTestSpec spec) {

    public static final String API_VERSION = "stampede.io/v1alpha1";
    public static final String KIND = "LoadTest";
}
