package io.stampede.runner.run;

import io.stampede.runner.cluster.master.MasterRun;
import io.stampede.runner.hooks.LifecycleSteps;
import io.stampede.runner.hooks.StepOutcome;
import io.stampede.runner.scenario.TestPlan;

import java.util.List;
import java.util.Map;

/**
 * A run's setup and teardown as the master's session does them: setup while the workers connect (the start waits
 * for it), teardown once the last user is done, also after a failed setup or a run that never started. The console
 * names the steps and the values' names, never the values. Threading: the session's thread.
 */
final class TestLifecycle {

    private final TestPlan plan;
    private final ReportOptions options;
    private final LifecycleSteps steps;
    private Map<String, String> setupValues = Map.of();
    private boolean setupTried;

    TestLifecycle(TestPlan plan, boolean insecureTls, ReportOptions options) {
        this.plan = plan;
        this.options = options;
        this.steps = plan.lifecycle().isEmpty() ? null
                : new LifecycleSteps(plan.lifecycle(), plan.scenario().target(), insecureTls);
    }

    /** Runs setup (blocking) and tells the master: the start goes ahead with its values, or the run fails (exit 3). */
    void setup(MasterRun master) {
        if (steps == null || plan.lifecycle().setup().isEmpty()) return;
        setupTried = true;
        LifecycleSteps.SetupResult result = steps.setup();
        setupValues = result.values();
        if (!result.ok()) {
            master.setupFailed("setup failed at " + result.failure().path() + ": " + result.failure().failure()
                    + "; no user started");
            return;
        }
        options.out().println("Setup: " + result.stepsRun() + (result.stepsRun() == 1 ? " step" : " steps") + " done"
                + (setupValues.isEmpty() ? "" : "; values: " + String.join(", ", setupValues.keySet().stream()
                        .map(name -> "setup." + name).toList())));
        master.setupFinished(setupValues);
    }

    /** Runs teardown (blocking), after the run; its failures are warnings, the run's result stands. */
    void teardown() {
        if (steps == null || plan.lifecycle().teardown().isEmpty()) return;
        if (!setupTried && !plan.lifecycle().setup().isEmpty()) return;
        List<StepOutcome> outcomes = steps.teardown(setupValues);
        long failed = outcomes.stream().filter(outcome -> !outcome.ok()).count();
        for (StepOutcome outcome : outcomes) {
            if (!outcome.ok()) options.out().println("WARNING: teardown " + outcome.path() + " failed: " + outcome.failure());
        }
        options.out().println("Teardown: " + outcomes.size() + (outcomes.size() == 1 ? " step" : " steps") + " run"
                + (failed == 0 ? "" : ", " + failed + " failed"));
    }
}
