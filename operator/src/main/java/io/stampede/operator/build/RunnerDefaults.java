package io.stampede.operator.build;

import java.time.Duration;

/**
 * The operator's settings the builders need, as plain values so that the builders stay pure functions.
 *
 * @param image                 runner image when the LoadTest names none
 * @param workersConnectTimeout how long the master waits for its workers, and the workers for the master
 */
public record RunnerDefaults(String image, Duration workersConnectTimeout) {
}
