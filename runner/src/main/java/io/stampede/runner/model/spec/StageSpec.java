package io.stampede.runner.model.spec;

import java.time.Duration;

/** One stage: move to {@code users} (>= 0) over {@code duration} (> 0). */
public record StageSpec(Duration duration, int users) {
}
