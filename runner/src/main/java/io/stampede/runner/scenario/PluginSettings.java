package io.stampede.runner.scenario;

import io.stampede.plugin.Settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The compiled {@code with:} map of one use of an extension: each value a template, rendered once when it does not
 * depend on the user, else per call. Values are never in {@link #toString()} (they may be keys). Immutable and thread
 * safe; {@link #value} allocates only for a per-user value.
 */
public final class PluginSettings implements Settings {

    public static final PluginSettings NONE = new PluginSettings(Map.of());

    private final Map<String, Template> templates;
    private final Map<String, String> constants = new LinkedHashMap<>();

    /** @param templates setting name to its compiled value */
    public PluginSettings(Map<String, Template> templates) {
        this.templates = Map.copyOf(templates);
        templates.forEach((name, template) -> {
            if (template.isConstant()) {
                constants.put(name, template.render(null));
            }
        });
    }

    @Override
    public Set<String> names() {
        return templates.keySet();
    }

    @Override
    public String constant(String name) {
        return constants.get(name);
    }

    /** The setting's value for this user, or null when it is not written. Called on the user's event loop. */
    public String value(String name, TemplateContext user) {
        String constant = constants.get(name);
        if (constant != null) {
            return constant;
        }
        Template template = templates.get(name);
        return template == null ? null : template.render(user);
    }

    @Override
    public String toString() {
        return "settings " + templates.keySet();
    }
}
