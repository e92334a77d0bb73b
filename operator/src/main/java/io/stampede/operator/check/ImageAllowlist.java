package io.stampede.operator.check;

import io.stampede.runner.model.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The images a cluster admin lets runner pods run. The operator's own runner image is always allowed (a LoadTest
 * without {@code spec.image} runs it); the admin's patterns add to it: an exact reference
 * ({@code registry.example.com/stampede-runner:0.2.0}), a prefix ending in {@code *}
 * ({@code registry.example.com/stampede-runner:*}, {@code registry.example.com/stampede-runner@sha256:*}) or
 * {@code *} (any image: the target allowlist then binds only the stock image). Compared as written, with case: image
 * references are case-sensitive. A pure function of the patterns and the image.
 */
public record ImageAllowlist(String runnerImage, List<String> patterns) {

    public ImageAllowlist {
        List<String> all = new ArrayList<>();
        all.add(runnerImage);
        patterns.stream().map(String::strip).filter(p -> !p.isEmpty() && !p.equals(runnerImage)).forEach(all::add);
        patterns = List.copyOf(all);
    }

    /** @return why {@code spec.image} is refused (path {@code spec.image}), or empty when allowed or absent */
    public Optional<Problem> refusal(String image) {
        if (image == null || image.isBlank()) return Optional.empty();
        // Compared exactly as the pod will get it: " evil" is not "evil".
        if (patterns.stream().anyMatch(pattern -> matches(pattern, image))) return Optional.empty();
        return Optional.of(new Problem("spec.image", "the image " + image + " is not one the operator allows ("
                + String.join(", ", patterns) + "); leave spec.image out or ask your cluster admin to allow it"));
    }

    private static boolean matches(String pattern, String image) {
        if (pattern.endsWith("*")) return image.startsWith(pattern.substring(0, pattern.length() - 1));
        return image.equals(pattern);
    }
}
