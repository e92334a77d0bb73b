package io.stampede.runner.scenario.compile;

import io.stampede.runner.model.FieldNames;
import io.stampede.runner.model.spec.StepSpec;
import io.stampede.runner.model.spec.TaskSpec;
import io.stampede.runner.model.spec.UserClassSpec;
import io.stampede.runner.model.spec.WaitSpec;
import io.stampede.runner.scenario.StepPlan;
import io.stampede.runner.scenario.TaskPlan;
import io.stampede.runner.scenario.UserClassPlan;
import io.stampede.runner.scenario.WaitPlan;
import io.stampede.runner.scenario.SignerPlan;
import io.stampede.runner.scenario.template.TemplateScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compiles one user class. Every name extracted anywhere in the class (onStart or any task, even one dropped by
 * tags) becomes a per-user slot that every template of the class may read; it renders empty until extracted.
 */
final class UserClassCompiler {

    private final CompileContext context;

    UserClassCompiler(CompileContext context) {
        this.context = context;
    }

    /** @return the class, or null when the tag filter leaves it no task (it is still checked) */
    UserClassPlan compile(UserClassSpec spec, String path) {
        List<String> slotNames = slotNames(spec, path);
        TemplateFields templates = new TemplateFields(new TemplateScope(context.constants(), slotNames,
                        TemplateScope.ConstantRule.ANY, context.data(), context.plugins()),
                context.fromEnv(), context.problems());
        CompiledHeaders headers = CompiledHeaders.NONE
                .with(context.defaults().headers(), "spec.defaults.headers", templates)
                .with(spec.headers(), path + ".headers", templates);
        PluginUses plugins = new PluginUses(context.plugins(), templates, context.problems());
        // The class's signer replaces the defaults' one; each is created once for the class.
        SignerPlan signer = spec.sign() != null ? plugins.signer(spec.sign(), path + ".sign")
                : plugins.signer(context.defaults().sign(), "spec.defaults.sign");
        StepCompiler steps = new StepCompiler(templates, headers, context.defaults().timeout(), slotNames, "",
                context.problems(), context.defaults().redirects(), context.attachments(), plugins, signer);
        boolean kept = spec.tasks().stream().anyMatch(task -> context.tags().keeps(task.tags()));
        RowIndex classRows = kept ? context.keptRows() : context.droppedRows();

        List<StepPlan> onStart = new ArrayList<>();
        for (int k = 0; k < spec.onStart().size(); k++) {
            addIfCompiled(onStart, steps.compile(spec.onStart().get(k), path + ".onStart[" + k + "]", classRows));
        }
        List<StepPlan> onStop = new ArrayList<>();
        for (int k = 0; k < spec.onStop().size(); k++) {
            addIfCompiled(onStop, steps.compile(spec.onStop().get(k), path + ".onStop[" + k + "]", classRows));
        }
        List<TaskPlan> tasks = new ArrayList<>();
        for (int j = 0; j < spec.tasks().size(); j++) {
            TaskSpec task = spec.tasks().get(j);
            boolean taskKept = context.tags().keeps(task.tags());
            TaskPlan plan = task(task, path + ".tasks[" + j + "]", j,
                    steps, taskKept ? context.keptRows() : context.droppedRows());
            if (taskKept && plan != null) {
                tasks.add(plan);
            }
        }
        if (!kept) {
            return null;
        }
        WaitPlan wait = context.waitOverride() != null ? context.waitOverride() : waitPlan(spec.waitSpec());
        return new UserClassPlan(spec.name(), spec.weight(), wait, onStart, Set.copyOf(spec.reauthOn()), tasks,
                slotNames, onStop, spec.sequential());
    }

    private TaskPlan task(TaskSpec task, String path, int index, StepCompiler compiler, RowIndex rows) {
        List<StepPlan> steps = new ArrayList<>();
        if (task.request() != null) {
            addIfCompiled(steps, compiler.compile(task.request(), path, rows));
        } else {
            for (int k = 0; k < task.steps().size(); k++) {
                addIfCompiled(steps, compiler.compile(task.steps().get(k), path + ".steps[" + k + "]", rows));
            }
        }
        String name = task.name() != null ? task.name()
                : task.request() != null ? StepCompiler.rowOf(task.request().request()).label()
                : "task " + (index + 1);
        // The run's wait override (a preset's scaled waits, --wait) replaces every wait, the tasks' too.
        WaitPlan wait = task.waitSpec() == null || context.waitOverride() != null ? null : waitPlan(task.waitSpec());
        return new TaskPlan(name, task.weight(), Set.copyOf(task.tags()), steps, wait);
    }

    private List<String> slotNames(UserClassSpec spec, String path) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < spec.onStart().size(); k++) {
            addSlots(spec.onStart().get(k), path + ".onStart[" + k + "]", names);
        }
        for (int j = 0; j < spec.tasks().size(); j++) {
            TaskSpec task = spec.tasks().get(j);
            String taskPath = path + ".tasks[" + j + "]";
            if (task.request() != null) {
                addSlots(task.request(), taskPath, names);
            }
            for (int k = 0; k < task.steps().size(); k++) {
                addSlots(task.steps().get(k), taskPath + ".steps[" + k + "]", names);
            }
        }
        for (int k = 0; k < spec.onStop().size(); k++) {
            addSlots(spec.onStop().get(k), path + ".onStop[" + k + "]", names);
        }
        names.addAll(context.setupSlots());
        return List.copyOf(names);
    }

    private void addSlots(StepSpec step, String holderPath, List<String> names) {
        for (String name : step.extract().keySet()) {
            String path = FieldNames.child(holderPath + ".extract", name);
            if (TemplateScope.builtInNames().contains(name)) {
                context.problems().add(path, "'" + name + "' is a built-in variable; extract into another name");
            } else if (context.constants().containsKey(name)) {
                context.problems().add(path, "'" + name + "' is already a variable in spec.variables; "
                        + "extract into another name");
            } else if (context.data().stream().anyMatch(source -> source.name().equals(name))) {
                context.problems().add(path, "'" + name + "' is already a data source in spec.data; "
                        + "extract into another name");
            } else if (!names.contains(name)) {
                names.add(name);
            }
        }
    }

    static WaitPlan waitPlan(WaitSpec wait) {
        if (wait instanceof WaitSpec.Between between) {
            return new WaitPlan.Between(between.min().toMillis(), between.max().toMillis());
        } else if (wait instanceof WaitSpec.Constant constant) {
            return new WaitPlan.Constant(constant.delay().toMillis());
        } else if (wait instanceof WaitSpec.Pacing pacing) {
            return new WaitPlan.Pacing(pacing.period().toMillis());
        }
        return new WaitPlan.None();
    }

    private static <T> void addIfCompiled(List<T> list, T item) {
        if (item != null) {
            list.add(item);
        }
    }
}
