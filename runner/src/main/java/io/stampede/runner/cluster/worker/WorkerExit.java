package io.stampede.runner.cluster.worker;

import io.stampede.runner.ExitCode;
/**
 * How a worker ended.
 *
 * @param exitCode OK the run is over; BAD_INPUT the test does not compile here, or the master refused the token;
 *                 COULD_NOT_RUN the run could not happen here, or the master was lost
 * @param reason   for people
 */
public record WorkerExit(ExitCode exitCode, String reason) {
}
