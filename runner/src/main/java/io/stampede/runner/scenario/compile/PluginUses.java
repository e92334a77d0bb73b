package io.stampede.runner.scenario.compile;

import io.stampede.plugin.CustomCheck;
import io.stampede.plugin.CustomStep;
import io.stampede.runner.model.Durations;
import io.stampede.runner.model.spec.PluginStepSpec;
import io.stampede.runner.scenario.PluginStepPlan;

import java.time.Duration;
import io.stampede.plugin.RequestSigner;
import io.stampede.runner.model.FieldNames;
import io.stampede.runner.model.Problems;
import io.stampede.runner.model.spec.PluginUseSpec;
import io.stampede.runner.plugin.PluginCallException;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.scenario.ResponseCheck;
import io.stampede.runner.scenario.Template;
import io.stampede.runner.scenario.check.PluginCheck;
import io.stampede.runner.scenario.PluginSettings;
import io.stampede.runner.scenario.SignerPlan;

import java.util.LinkedHashMap;
import java.util.Map;

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
        try {
            RequestSigner.Signer created = signer.create(settings);
            if (created == null) {
                throw new IllegalStateException("create returned null");
            }
            return new SignerPlan(use.plugin(), created, settings);
        } catch (RuntimeException | LinkageError e) {
            problems.add(path, PluginCallException.cause(use.plugin(), e));
            return null;
        }
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
        try {
            CustomCheck.Check created = check.create(settings);
            if (created == null) {
                throw new IllegalStateException("create returned null");
            }
            return new PluginCheck(use.plugin(), created, settings);
        } catch (RuntimeException | LinkageError e) {
            problems.add(path, PluginCallException.cause(use.plugin(), e));
            return null;
        }
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
        try {
            CustomStep.Step created = step.create(settings);
            if (created == null) {
                throw new IllegalStateException("create returned null");
            }
            return new PluginStepPlan(spec.plugin(), created, settings, timeout.toMillis(), Durations.format(timeout),
                    row);
        } catch (RuntimeException | LinkageError e) {
            problems.add(path, PluginCallException.cause(spec.plugin(), e));
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
