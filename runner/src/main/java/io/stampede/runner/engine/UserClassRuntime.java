package io.stampede.runner.engine;

import io.stampede.runner.engine.http.RequestEncoder;
import io.stampede.runner.scenario.Lifecycle;
import io.stampede.runner.scenario.Scenario;
import io.stampede.runner.scenario.TaskPlan;
import io.stampede.runner.scenario.UserClassPlan;
import io.stampede.runner.scenario.WaitPlan;

import java.util.SplittableRandom;

/**
 * A user class prepared for running: steps encoded where possible, task weights ready to draw, each task's wait
 * resolved. Immutable once the engine has started (the setup values are set just before).
 */
final class UserClassRuntime {

    final UserClassPlan plan;
    final StepRuntime[] onStart;
    final StepRuntime[] onStop;
    final StepRuntime[][] tasks;
    /** Think time after each task: its own, or the class's. */
    final WaitPlan[] waitAfter;
    /** Tasks run in written order, then again ({@code order: sequential}); else drawn by weight. */
    final boolean sequential;
    private final Scenario scenario;
    private final WeightedPicker taskPicker;
    private final boolean[] reauthOn = new boolean[600];
    /** Slot index of each setup value (see {@link Lifecycle}): the class's last slots. */
    private final int firstSetupSlot;
    private volatile String[] setupValues = new String[0];

    UserClassRuntime(UserClassPlan plan, RequestEncoder encoder, Scenario scenario) {
        this.plan = plan;
        this.scenario = scenario;
        int rows = scenario.rows().size();
        this.onStart = StepRuntime.of(plan.onStart(), encoder, rows);
        this.onStop = StepRuntime.of(plan.onStop(), encoder, rows);
        this.tasks = new StepRuntime[plan.tasks().size()][];
        this.waitAfter = new WaitPlan[tasks.length];
        this.sequential = plan.sequential();
        int[] weights = new int[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            TaskPlan task = plan.tasks().get(i);
            tasks[i] = StepRuntime.of(task.steps(), encoder, rows);
            weights[i] = task.weight();
            waitAfter[i] = task.waitPlan() != null ? task.waitPlan() : plan.waitPlan();
        }
        this.taskPicker = new WeightedPicker(weights);
        this.firstSetupSlot = (int) plan.slotNames().stream()
                .takeWhile(name -> !name.startsWith(Lifecycle.PREFIX)).count();
        for (int status : plan.reauthOn()) {
            if (status >= 0 && status < reauthOn.length) reauthOn[status] = true;
        }
    }

    /**
     * The index of a user's next task.
     *
     * @param tasksDone how many tasks this user has begun before this one (the sequence's position)
     */
    int nextTask(long tasksDone, SplittableRandom random) {
        return sequential ? (int) (tasksDone % tasks.length) : taskPicker.pickRandom(random);
    }

    /** Called once, before the engine starts; values by setup name index, null where setup found none. */
    void useSetupValues(String[] values) {
        this.setupValues = values.clone();
    }

    /** Puts the setup values into a new user's slots. */
    void fillSetupSlots(String[] slots) {
        String[] values = setupValues;
        int count = Math.min(values.length, slots.length - firstSetupSlot);
        System.arraycopy(values, 0, slots, firstSetupSlot, count);
    }

    /**
     * A new user's session: on the scenario's target (redirects stay on it; cookies are matched against its
     * host), with a cookie jar when the scenario keeps cookies.
     */
    UserSession newSession() {
        return new UserSession(scenario.target(), scenario.cookies());
    }

    /** Whether this status means "renew the login": run onStart again and retry once. */
    boolean renewsOn(int status) {
        return onStart.length > 0 && reauthOn[status];
    }
}
