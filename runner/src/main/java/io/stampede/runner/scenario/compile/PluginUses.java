package io.stampede.runner.scenario.compile;

import io.stampede.plugin.CustomCheck;
import io.stampede.plugin.CustomStep;
import io.stampede.plugin.RequestSigner;
import io.stampede.runner.model.Durations;
import io.stampede.runner.model.FieldNames;
import io.stampede.runner.model.Problems;
import io.stampede.runner.model.spec.PluginStepSpec;
import io.stampede.runner.model.spec.PluginUseSpec;
import io.stampede.runner.plugin.PluginCallException;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.scenario.PluginSettings;
import io.stampede.runner.scenario.PluginStepPlan;
import io.stampede.runner.scenario.ResponseCheck;
import io.stampede.runner.scenario.SignerPlan;
import io.stampede.runner.scenario.Template;
import io.stampede.runner.scenario.check.PluginCheck;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compiles the uses of plugin extensions in one scope (a user class, setup): finds the extension by name, compiles
 * its {@code with:} templates and calls its load-time {@code create}. An unknown name is a problem at
 * {@code ...plugin}; what {@code create} throws, at the use's path as {@code plugin NAME: <message>}.
 */
final class PluginUses {

    private final Plugins plugins;
    private final TemplateFields templates;
    private final Problems problems;

    PluginUses(Plugins plugins, TemplateFields templates, Problems problems) {
        this.plugins = plugins;
        this.templates = templates;
        this.problems = problems;
    }

    /** @return the signer, or null when {@code use} is null or a problem was reported */
    SignerPlan signer(PluginUseSpec use, String path) {
        if (use == null) {
            return null;
        }
        RequestSigner signer = plugins.signer(use.plugin());
        if (signer == null) {
            problems.add(path + ".plugin", "unknown request signer '" + use.plugin() + "'; signers: "
                    + plugins.signerNames());
            return null;
        }
        PluginSettings settings = settings(use, path);
        if (settings == null) {
            return null;
        }
        RequestSigner.Signer created = create(use.plugin(), path, () -> signer.create(settings));
        return created == null ? null : new SignerPlan(use.plugin(), created, settings);
    }

    /** @return the check, or null when a problem was reported */
    ResponseCheck check(PluginUseSpec use, String path) {
        CustomCheck check = plugins.check(use.plugin());
        if (check == null) {
            problems.add(path + ".plugin", "unknown check '" + use.plugin() + "'; plugin checks: "
                    + plugins.checkNames());
            return null;
        }
        PluginSettings settings = settings(use, path);
        if (settings == null) {
            return null;
        }
        CustomCheck.Check created = create(use.plugin(), path, () -> check.create(settings));
        return created == null ? null : new PluginCheck(use.plugin(), created, settings);
    }

    /**
     * @param row            the step's stats row
     * @param defaultTimeout spec.defaults.timeout or the built-in default, for a step without its own
     * @return the step, or null when a problem was reported
     */
    PluginStepPlan step(PluginStepSpec spec, String path, int row, Duration defaultTimeout) {
        CustomStep step = plugins.step(spec.plugin());
        if (step == null) {
            problems.add(path + ".plugin", "unknown custom step '" + spec.plugin() + "'; plugin steps: "
                    + plugins.stepNames());
            return null;
        }
        PluginSettings settings = settings(spec.settings(), path);
        if (settings == null) {
            return null;
        }
        Duration timeout = spec.timeout() != null ? spec.timeout() : defaultTimeout;
        CustomStep.Step created = create(spec.plugin(), path, () -> step.create(settings));
        return created == null ? null
                : new PluginStepPlan(spec.plugin(), created, settings, timeout.toMillis(), Durations.format(timeout),
                        row);
    }

    /**
     * Calls an extension's load-time {@code create}.
     *
     * @return what it made, or null when it threw or returned null (reported at {@code path} as
     *         {@code plugin NAME: <message>})
     */
    private <T> T create(String plugin, String path, Supplier<T> create) {
        try {
            T created = create.get();
            if (created == null) {
                throw new IllegalStateException("create returned null");
            }
            return created;
        } catch (RuntimeException | LinkageError e) {
            problems.add(path, PluginCallException.cause(plugin, e));
            return null;
        }
    }

    private PluginSettings settings(PluginUseSpec use, String path) {
        return settings(use.settings(), path);
    }

    private PluginSettings settings(Map<String, String> written, String path) {
        int before = problems.count();
        Map<String, Template> compiled = new LinkedHashMap<>();
        written.forEach((name, text) -> {
            Template template = templates.compile(text, FieldNames.child(path + ".with", name));
            if (template != null) {
                compiled.put(name, template);
            }
        });
        return problems.count() > before ? null : new PluginSettings(compiled);
    }
}
