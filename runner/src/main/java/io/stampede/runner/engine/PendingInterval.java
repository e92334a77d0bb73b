package io.stampede.runner.engine;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One interval being drained: each loop hands in its part once, or the engine gives a loop's part up (a loop
 * blocked past the run's end, see {@code Engine}); whoever claims a part first decides. The interval completes when
 * every part was claimed and done. Thread safe: claimed from the loops and the control thread.
 *
 * @param users the users figure of the interval
 * @param last  the run's final interval
 */
record PendingInterval(long id, int users, boolean last, AtomicBoolean[] claimed, AtomicInteger missing) {

    static PendingInterval of(long id, int users, boolean last, int loops) {
        AtomicBoolean[] claimed = new AtomicBoolean[loops];
        for (int i = 0; i < loops; i++) claimed[i] = new AtomicBoolean();
        return new PendingInterval(id, users, last, claimed, new AtomicInteger(loops));
    }

    /** Claims loop {@code index}'s part: false when it was claimed already (handed in, or given up). */
    boolean claim(int index) {
        return claimed[index].compareAndSet(false, true);
    }

    /** A claimed part is done: true for the last one, which completes the interval. */
    boolean partDone() {
        return missing.decrementAndGet() == 0;
    }
}
