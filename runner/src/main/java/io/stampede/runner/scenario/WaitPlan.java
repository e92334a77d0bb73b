package io.stampede.runner.scenario;

import java.util.SplittableRandom;

/** Think time between a user's tasks, like Locust's wait_time. Units: milliseconds. */
public sealed interface WaitPlan {

    /**
     * How long to wait before the next task.
     *
     * @param taskElapsedMillis how long the task that just ended took (used by pacing), >= 0
     * @return the delay in milliseconds, >= 0
     */
    long nextDelayMillis(long taskElapsedMillis, SplittableRandom random);

    /** No think time: the next task starts as soon as the previous one ends. */
    record None() implements WaitPlan {
        @Override
        public long nextDelayMillis(long taskElapsedMillis, SplittableRandom random) {
            return 0;
        }
    }

    /** Uniformly random between minMillis and maxMillis, inclusive (Locust's between). */
    record Between(long minMillis, long maxMillis) implements WaitPlan {
        @Override
        public long nextDelayMillis(long taskElapsedMillis, SplittableRandom random) {
            return minMillis == maxMillis ? minMillis : random.nextLong(minMillis, maxMillis + 1);
        }
    }

    /** The same wait every time (Locust's constant). */
    record Constant(long millis) implements WaitPlan {
        @Override
        public long nextDelayMillis(long taskElapsedMillis, SplittableRandom random) {
            return millis;
        }
    }

    /** One task start every periodMillis, when tasks are faster than that (Locust's constant_pacing). */
    record Pacing(long periodMillis) implements WaitPlan {
        @Override
        public long nextDelayMillis(long taskElapsedMillis, SplittableRandom random) {
            return Math.max(0, periodMillis - taskElapsedMillis);
        }
    }
}
