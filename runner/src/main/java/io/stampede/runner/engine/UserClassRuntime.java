package io.stampede.runner.engine;

import io.stampede.runner.engine.http.RequestEncoder;
import io.stampede.runner.scenario.Scenario;
import io.stampede.runner.scenario.TaskPlan;
import io.stampede.runner.scenario.UserClassPlan;

import java.net.URI;
import java.util.SplittableRandom;

/** A user class prepared for running: steps encoded where possible, task weights ready to draw. Immutable. */
final class UserClassRuntime {

    final UserClassPlan plan;
    final StepRuntime[] onStart;
    final StepRuntime[] onStop;
    final StepRuntime[][] tasks;
    /** The run's target (redirects stay on it; cookies are matched against its host). */
    final URI target;
    /** Each user keeps a cookie jar. */
    final boolean cookies;
    private final WeightedPicker taskPicker;
    private final boolean[] reauthOn = new boolean[600];

    UserClassRuntime(UserClassPlan plan, RequestEncoder encoder, Scenario scenario) {
        this.plan = plan;
        this.target = scenario.target();
        this.cookies = scenario.cookies();
        int rows = scenario.rows().size();
        this.onStart = StepRuntime.of(plan.onStart(), encoder, rows);
        this.onStop = StepRuntime.of(plan.onStop(), encoder, rows);
        this.tasks = new StepRuntime[plan.tasks().size()][];
        int[] weights = new int[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            TaskPlan task = plan.tasks().get(i);
            tasks[i] = StepRuntime.of(task.steps(), encoder, rows);
            weights[i] = task.weight();
        }
        this.taskPicker = new WeightedPicker(weights);
        for (int status : plan.reauthOn()) {
            if (status >= 0 && status < reauthOn.length) reauthOn[status] = true;
        }
    }

    StepRuntime[] pickTask(SplittableRandom random) {
        return tasks[taskPicker.pickRandom(random)];
    }

    /** Whether this status means "renew the login": run onStart again and retry once. */
    boolean renewsOn(int status) {
        return onStart.length > 0 && reauthOn[status];
    }
}
