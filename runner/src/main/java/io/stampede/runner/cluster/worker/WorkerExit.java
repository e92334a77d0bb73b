package io.stampede.runner.cluster.worker;

/**
 * How a worker ended.
 *
 * @param exitCode 0 the run is over; 2 the test does not compile here, or the master refused the token; 3 the run
 *                 could not happen here, or the master was lost
 * @param reason   for people
 */
public record WorkerExit(int exitCode, String reason) {
}
