package io.stampede.runner.model.spec;

import java.util.Map;

/**
 * One use of a plugin extension as written: {@code {plugin: NAME, with: {setting: value}}} (a request's or class's
 * {@code sign}, an entry of {@code expect.checks}).
 *
 * @param plugin   the extension's name, an identifier
 * @param settings the {@code with:} map: setting name to its value template, in document order
 */
public record PluginUseSpec(String plugin, Map<String, String> settings) {

    public PluginUseSpec {
        settings = Immutables.orderedMap(settings);
    }
}
