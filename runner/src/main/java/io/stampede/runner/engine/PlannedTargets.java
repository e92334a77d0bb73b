package io.stampede.runner.engine;

import io.stampede.runner.load.ClassMix;
import io.stampede.runner.load.LoadPlan;
import io.stampede.runner.load.UserRamp;
import io.stampede.runner.scenario.UserClassPlan;

import java.util.List;

/**
 * Users as the {@link LoadPlan} wants them: its target, approached no faster than its spawn rate, split across
 * user classes by weight ({@link ClassMix}); the run ends at the plan's duration.
 *
 * <p>Threading: owned by one thread (the engine's control thread, or the master's).
 */
public final class PlannedTargets implements UserTargets {

    private final LoadPlan plan;
    private final UserRamp ramp;
    private final ClassMix mix;

    public PlannedTargets(LoadPlan plan, List<UserClassPlan> userClasses) {
        this.plan = plan;
        this.ramp = new UserRamp(plan.spawnRatePerSecond());
        this.mix = new ClassMix(userClasses.stream().mapToInt(UserClassPlan::weight).toArray());
    }

    @Override
    public boolean wantedUsers(long elapsedMillis, long sinceLastCallMillis, int[] wanted) {
        if (elapsedMillis >= plan.durationMillis()) return false;
        mix.moveTo(ramp.advance(plan.targetUsersAt(elapsedMillis), sinceLastCallMillis));
        mix.countsInto(wanted);
        return true;
    }
}
