package io.stampede.runner.cluster.master;

import io.stampede.runner.cluster.protocol.MasterMessage;
import io.stampede.runner.engine.PlannedTargets;
import io.stampede.runner.load.ArrivalRatePlan;
import io.stampede.runner.scenario.TestPlan;

import java.util.Arrays;
import java.util.List;

/**
 * Follows the load plan on the master and deals its users to the running workers ({@link UserAssignment}),
 * sending {@code targets} only to workers whose share changed; in the open model it deals the arrivals instead
 * ({@link ArrivalDealer}). Threading: the master's thread.
 */
final class UserDealer {

    private final PlannedTargets planned;
    private final int[] classTotals;
    private int[] dealtTotals = new int[0];
    private boolean workersChanged;
    private final DealtUsers dealt = new DealtUsers();
    /**
     * Open model: deals the arrivals; null in the closed model. The workers create users as arrivals need them, so
     * no users are dealt and none capped.
     */
    private final ArrivalDealer arrivals;

    UserDealer(TestPlan plan) {
        this.planned = new PlannedTargets(plan.load(), plan.scenario().userClasses());
        this.classTotals = new int[plan.scenario().userClasses().size()];
        this.arrivals = plan.load() instanceof ArrivalRatePlan arrivalPlan ? new ArrivalDealer(arrivalPlan) : null;
    }

    /**
     * Moves along the plan and deals users if their number or the workers changed.
     *
     * @return false when the plan has ended
     */
    boolean follow(long elapsedMillis, long sinceLastMillis, List<WorkerRecord> running) {
        if (!planned.wantedUsers(elapsedMillis, sinceLastMillis, classTotals)) return false;
        if (!Arrays.equals(classTotals, dealtTotals) || workersChanged) deal(elapsedMillis, running);
        dealt.dealt(elapsedMillis, Arrays.stream(dealtTotals).sum());
        return true;
    }

    /** The most users dealt out in all around an interval's second: see {@link DealtUsers#mostAround}. */
    int mostDealtAround(long intervalId) {
        if (arrivals != null) return Integer.MAX_VALUE;
        return dealt.mostAround(intervalId);
    }

    /** Intervals before this one are complete: their seconds are no longer asked about. */
    void intervalsCompletedBefore(long intervalId) {
        dealt.forgetBefore(intervalId);
    }

    /**
     * The running workers changed (one lost or finished): deal again now.
     *
     * @return open model: the arrivals the departed worker was given and never reported, to count as dropped
     *         ({@link ArrivalDealer}); 0 in the closed model
     */
    long workersChanged(long elapsedMillis, List<WorkerRecord> running) {
        workersChanged = true;
        return deal(elapsedMillis, running);
    }

    private long deal(long elapsedMillis, List<WorkerRecord> running) {
        if (running.isEmpty()) return 0;
        if (arrivals != null) {
            dealtTotals = classTotals.clone();
            workersChanged = false;
            return arrivals.deal(elapsedMillis, running);
        }
        int[][] split = UserAssignment.split(classTotals, running.size());
        for (int i = 0; i < running.size(); i++) {
            WorkerRecord worker = running.get(i);
            if (!Arrays.equals(worker.targets, split[i])) {
                worker.targets = split[i];
                worker.connection.send(new MasterMessage.Targets(Arrays.stream(split[i]).boxed().toList()));
            }
        }
        dealtTotals = classTotals.clone();
        workersChanged = false;
        return 0;
    }
}
