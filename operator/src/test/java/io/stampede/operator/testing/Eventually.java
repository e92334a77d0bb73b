package io.stampede.operator.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;

/**
 * Awaitility's {@code await()} with a deadline for a busy machine: 60 s instead of Awaitility's 10 s.
 *
 * <p>Why: a reconcile that hits a conflict is retried after a back-off, and on a CI machine shared with other
 * builds two or three of them, or a slow first start of the operator, outlast 10 s while nothing is wrong.
 * A longer deadline costs nothing when the condition holds (the wait ends as soon as it does); it only makes a
 * real failure take longer to report. A test that needs another deadline still says {@code .atMost(...)}.
 */
public final class Eventually {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private Eventually() {
    }

    /** Use as {@code await().untilAsserted(...)}, in place of {@link Awaitility#await()}. */
    public static ConditionFactory await() {
        return Awaitility.await().atMost(DEADLINE);
    }
}
