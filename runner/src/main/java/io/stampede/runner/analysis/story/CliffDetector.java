package io.stampede.runner.analysis.story;

import java.util.Optional;

/**
 * {@link Pattern#CLIFF}: the aggregate's p95 is fine up to some load, then at least {@value #FACTOR} times its
 * starting level (and {@value #FLOOR_MS} ms above it) and stays there while the load does. Typical of a pool or a
 * queue that is full: below its size nothing waits, above it everything does, or times out.
 */
final class CliffDetector {

    static final double FACTOR = 5;
    static final double FLOOR_MS = 100;

    private CliffDetector() {
    }

    static Optional<StoryEntry> detect(Series aggregate) {
        return Jump.find(aggregate.withLatency(), FACTOR, FLOOR_MS)
                .map(jump -> new StoryEntry(Pattern.CLIFF, null, jump.first().point(), "p95 " + jump.describe()));
    }
}
