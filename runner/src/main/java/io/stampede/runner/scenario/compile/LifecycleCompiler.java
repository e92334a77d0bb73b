package io.stampede.runner.scenario.compile;

import io.stampede.runner.model.FieldNames;
import io.stampede.runner.model.spec.LoadTestSpec;
import io.stampede.runner.model.spec.StepSpec;
import io.stampede.runner.scenario.Lifecycle;
import io.stampede.runner.scenario.StepPlan;
import io.stampede.runner.scenario.template.TemplateScope;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles {@code spec.setup} and {@code spec.teardown}. Their templates read the spec's variables, the
 * built-ins (userId 0, workerIndex 0, iteration 0) and {@code ${setup.NAME}}; spec.defaults (headers, timeout)
 * apply to their requests as to the users'. Their requests are in no stats row.
 */
final class LifecycleCompiler {

    private LifecycleCompiler() {
    }

    /** The names setup extracts, in first-seen order (read as setup.NAME, so no clash with other names). */
    static List<String> setupNames(LoadTestSpec spec) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < spec.setup().size(); k++) {
            for (String name : spec.setup().get(k).extract().keySet()) {
                if (!names.contains(name)) names.add(name);
            }
        }
        return names;
    }

    static Lifecycle compile(LoadTestSpec spec, List<String> setupNames, CompileContext context) {
        List<String> setupSlots = setupNames.stream().map(name -> Lifecycle.PREFIX + name).toList();
        List<StepPlan> setup = steps(spec.setup(), "spec.setup", setupSlots, Lifecycle.PREFIX, context);
        List<String> teardownSlots = new ArrayList<>(setupSlots);
        for (StepSpec step : spec.teardown()) {
            for (String name : step.extract().keySet()) {
                if (!teardownSlots.contains(name)) teardownSlots.add(name);
            }
        }
        for (int k = 0; k < spec.teardown().size(); k++) {
            for (String name : spec.teardown().get(k).extract().keySet()) {
                checkName(name, FieldNames.child("spec.teardown[" + k + "].extract", name), context);
            }
        }
        List<StepPlan> teardown = steps(spec.teardown(), "spec.teardown", teardownSlots, "", context);
        return new Lifecycle(setup, teardown, setupNames, teardownSlots);
    }

    private static void checkName(String name, String path, CompileContext context) {
        if (TemplateScope.builtInNames().contains(name)) {
            context.problems().add(path, "'" + name + "' is a built-in variable; extract into another name");
        } else if (context.constants().containsKey(name)) {
            context.problems().add(path, "'" + name + "' is already a variable in spec.variables; "
                    + "extract into another name");
        }
    }

    private static List<StepPlan> steps(List<StepSpec> specs, String path, List<String> slots, String prefix,
                                        CompileContext context) {
        TemplateFields templates = new TemplateFields(new TemplateScope(context.constants(), slots,
                TemplateScope.ConstantRule.ANY, List.of(), context.plugins()), context.fromEnv(), context.problems());
        CompiledHeaders headers = CompiledHeaders.NONE
                .with(context.defaults().headers(), "spec.defaults.headers", templates);
        // Setup and teardown go through the JDK's client on the master, which signs nothing: spec.defaults.sign is
        // for the users' requests, and a sign on a setup request is refused below.
        StepCompiler compiler = new StepCompiler(templates, headers, context.defaults().timeout(), slots, prefix,
                context.problems(), context.defaults().redirects(), context.attachments(),
                new PluginUses(context.plugins(), templates, context.problems()), null);
        RowIndex noRows = new RowIndex();
        List<StepPlan> steps = new ArrayList<>();
        for (int k = 0; k < specs.size(); k++) {
            if (specs.get(k).request() != null && specs.get(k).request().multipart() != null) {
                context.problems().add(path + "[" + k + "].request.multipart", "setup and teardown send json, body "
                        + "or form bodies; a multipart upload belongs in a user's task");
                continue;
            }
            if (specs.get(k).pluginStep() != null) {
                context.problems().add(path + "[" + k + "].step", "setup and teardown run requests only (on the "
                        + "master, with the JDK's client); a plugin step belongs in a user's steps");
                continue;
            }
            if (specs.get(k).request() != null && specs.get(k).request().sign() != null) {
                context.problems().add(path + "[" + k + "].request.sign", "setup and teardown requests are not "
                        + "signed (the master sends them with the JDK's client); sign belongs on a user's request");
                continue;
            }
            StepPlan step = compiler.compile(specs.get(k), path + "[" + k + "]", noRows);
            if (step != null) steps.add(step);
        }
        return steps;
    }
}
