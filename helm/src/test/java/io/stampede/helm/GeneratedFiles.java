package io.stampede.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files committed as copies of others (the chart's and k8s/install's CRD) or as renderings of the chart
 * (k8s/install/stampede.yaml). Tests compare them with their source; with {@code -Dstampede.updateManifests=true}
 * the tests rewrite them instead:
 * {@code ./mvnw -B -f helm/pom.xml verify -Dstampede.helm.build.dir=/tmp/build-helm -Dstampede.updateManifests=true}.
 */
final class GeneratedFiles {

    private GeneratedFiles() {
    }

    static boolean updateRequested() {
        return Boolean.getBoolean("stampede.updateManifests");
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path source, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
