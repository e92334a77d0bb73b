package io.stampede.runner.engine;

import io.stampede.runner.load.ArrivalShare;

import java.util.List;

/**
 * What the engine's control thread follows: how many users of each user class should run now. Locally a
 * {@link PlannedTargets} follows the LoadPlan; on a worker the master pushes the targets.
 *
 * <p>Threading: {@link #wantedUsers} is called only on the engine's control thread, once per control tick
 * (every 100 ms); implementations fed from elsewhere publish their values safely.
 */
public interface UserTargets {

    /**
     * Fills in the users wanted now and says whether the run goes on.
     *
     * @param elapsedMillis       time since the run started, >= 0
     * @param sinceLastCallMillis time since the previous call (0 on the first), >= 0
     * @param wanted              out: users wanted per user class, indexed as {@code Scenario.userClasses()}; left
     *                            as it was when this returns false
     * @return false when the run should end now: users stop and the final interval is drained
     */
    boolean wantedUsers(long elapsedMillis, long sinceLastCallMillis, int[] wanted);

    /**
     * Open model: the shares of the arrivals this generator was given so far, oldest first, each in force from its
     * fromArrival on; the list only grows. Empty: the engine derives its share from its {@link EngineOptions}.
     */
    default List<ArrivalShare> arrivalShares() {
        return List.of();
    }
}
