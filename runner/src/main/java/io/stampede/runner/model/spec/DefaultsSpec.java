package io.stampede.runner.model.spec;

import java.time.Duration;
import java.util.Map;

/**
 * {@code spec.defaults}: applied to every request.
 *
 * @param headers header templates by name, in document order
 * @param timeout per-request timeout, > 0, or null for the built-in default
 */
public record DefaultsSpec(Map<String, String> headers, Duration timeout) {

    public static final DefaultsSpec NONE = new DefaultsSpec(Map.of(), null);

    public DefaultsSpec {
        headers = Immutables.orderedMap(headers);
    }
}
