package io.stampede.runner.model.spec;

import java.time.Duration;
import java.util.Map;

/**
 * {@code - step: {plugin: NAME, name: ROW, timeout: 2s, with: {...}}}: a plugin's custom step as written.
 *
 * @param plugin   the extension's name, an identifier
 * @param name     the stats row's name ({@code STEP <name>}), or null for the plugin's name
 * @param timeout  > 0, or null for spec.defaults.timeout (else 30 s)
 * @param settings the {@code with:} map: setting name to its value template, in document order
 */
public record PluginStepSpec(String plugin, String name, Duration timeout, Map<String, String> settings) {

    public PluginStepSpec {
        settings = Immutables.orderedMap(settings);
    }
}
