package io.stampede.runner.scenario;

import java.util.List;
import java.util.Set;

/**
 * A kind of virtual user: its share of users, think time, login and tasks.
 *
 * @param weight     relative share of users, >= 1
 * @param waitPlan   think time between tasks
 * @param onStart    run once per user before its tasks, and again on renewal; may be empty
 * @param reauthOn   statuses that mean "token expired": run onStart again, then retry the request once
 * @param tasks      at least one task after tag filtering (a class left with none is dropped by the compiler)
 * @param slotNames  names of the per-user values that onStart, tasks and onStop extract, by slot index
 * @param onStop     run once when the user is stopped (end of run, ramp-down, Ctrl-C), after its task in flight;
 *                   may be empty
 * @param sequential each user runs the tasks in written order, then again from the first (Locust's
 *                   SequentialTaskSet); else it draws each task by weight
 */
public record UserClassPlan(String name, int weight, WaitPlan waitPlan, List<StepPlan> onStart, Set<Integer> reauthOn,
                            List<TaskPlan> tasks, List<String> slotNames, List<StepPlan> onStop, boolean sequential) {

    /** A class that draws its tasks by weight. */
    public UserClassPlan(String name, int weight, WaitPlan waitPlan, List<StepPlan> onStart, Set<Integer> reauthOn,
                         List<TaskPlan> tasks, List<String> slotNames, List<StepPlan> onStop) {
        this(name, weight, waitPlan, onStart, reauthOn, tasks, slotNames, onStop, false);
    }

    /** A class without onStop steps. */
    public UserClassPlan(String name, int weight, WaitPlan waitPlan, List<StepPlan> onStart, Set<Integer> reauthOn,
                         List<TaskPlan> tasks, List<String> slotNames) {
        this(name, weight, waitPlan, onStart, reauthOn, tasks, slotNames, List.of());
    }
}
