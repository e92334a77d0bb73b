package io.stampede.helm;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths of the repository files the tests read. The build passes the repository root as
 * {@code stampede.repoRoot}; an IDE running from helm/ finds it as the parent folder.
 */
final class RepoFiles {

    private RepoFiles() {
    }

    static Path root() {
        String fromBuild = System.getProperty("stampede.repoRoot");
        Path root = fromBuild != null ? Path.of(fromBuild) : Path.of("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("helm/stampede"))) {
            throw new IllegalStateException("not the repository root (no helm/stampede): " + root);
        }
        return root;
    }

    static Path chartDir() {
        return root().resolve("helm/stampede");
    }

    /** The CRD as the operator's build generates it; the chart and k8s/install carry copies. */
    static Path crd() {
        return root().resolve("crds/loadtests.stampede.io-v1.yml");
    }

    static Path chartCrd() {
        return chartDir().resolve("crds/loadtests.stampede.io-v1.yml");
    }

    static Path dashboard() {
        return chartDir().resolve("dashboards/stampede.json");
    }

    static Path installDir() {
        return root().resolve("k8s/install");
    }
}
