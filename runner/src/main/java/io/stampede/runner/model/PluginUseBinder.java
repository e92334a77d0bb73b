package io.stampede.runner.model;

import io.stampede.runner.model.spec.PluginStepSpec;
import io.stampede.runner.model.spec.PluginUseSpec;
import io.stampede.runner.model.spec.StepSpec;

import java.time.Duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a use of a plugin extension: {@code {plugin: NAME, with: {key: "${hmacKey}"}}}. Whether NAME exists is the
 * compiler's to check (it knows the loaded plugins); settings are text templates, compiled there too.
 */
final class PluginUseBinder {

    static final List<String> FIELDS = List.of("plugin", "with");

    private PluginUseBinder() {
    }

    /** @return null when absent or broken (reported) */
    static PluginUseSpec use(Node node, String example) {
        if (!node.checkFields(FIELDS)) {
            return null;
        }
        String plugin = extensionName(node.field("plugin"), "the name of a plugin extension, such as " + example);
        Map<String, String> settings = settings(node.field("with"));
        return plugin == null ? null : new PluginUseSpec(plugin, settings);
    }

    /** @return the extension's name, or null when absent, not text or not a name (reported) */
    private static String extensionName(Node pluginNode, String expected) {
        if (!pluginNode.required(expected)) {
            return null;
        }
        String plugin = pluginNode.string();
        if (plugin != null && !FieldNames.isIdentifier(plugin)) {
            pluginNode.problem("expected an extension's name (a letter or '_', then letters, digits or '_'), got '"
                    + plugin + "'");
            return null;
        }
        return plugin;
    }

    private static Map<String, String> settings(Node with) {
        Map<String, String> settings = new LinkedHashMap<>();
        with.entries().forEach((name, value) -> {
            if (!value.required("the setting's value (text; ${...} reads variables)")) {
                return;
            }
            if (!value.json().isValueNode()) {
                value.problem("expected text (a setting's value; ${...} reads variables), got "
                        + Node.describe(value.json()));
                return;
            }
            settings.put(name, value.scalarText());
        });
        return settings;
    }

    static final List<String> STEP_FIELDS = List.of("plugin", "name", "timeout", "with");

    /**
     * A step written {@code step: {plugin: NAME, name: ROW, timeout: 2s, with: {...}}} (a custom step of a plugin),
     * alone in its map: request, expect and extract belong to request steps.
     *
     * @return null when broken (reported)
     */
    static StepSpec step(Node holder) {
        for (String field : List.of("request", "expect", "extract")) {
            if (holder.has(field)) {
                holder.field(field).problem("a step is either a request or a plugin step (step:), not both");
            }
        }
        Node node = holder.field("step");
        if (!node.checkFields(STEP_FIELDS)) {
            return null;
        }
        String plugin = extensionName(node.field("plugin"), "the name of a plugin's custom step, such as publish");
        Node nameNode = node.field("name");
        String name = nameNode.string();
        if (name != null && name.isBlank()) {
            nameNode.problem("expected a stats row name such as 'publish order', got an empty text");
        }
        Duration timeout = StepBinder.timeout(node.field("timeout"));
        Map<String, String> settings = settings(node.field("with"));
        return plugin == null ? null : new StepSpec(null, null, Map.of(),
                new PluginStepSpec(plugin, name, timeout, settings));
    }

    /** A list of uses, such as {@code expect.checks}. */
    static List<PluginUseSpec> uses(Node node, String example) {
        List<PluginUseSpec> uses = new ArrayList<>();
        for (Node element : node.list()) {
            if (!element.present()) {
                element.problem("expected {plugin: NAME, with: {...}}");
                continue;
            }
            PluginUseSpec use = use(element, example);
            if (use != null) {
                uses.add(use);
            }
        }
        return uses;
    }
}
