package io.stampede.runner.cluster.api;

import io.stampede.runner.ExitCode;
/**
 * The run's result once the master wrote its reports: what {@code /api/v1/report} serves.
 *
 * @param phase      Succeeded, Failed (a threshold breached), Error (could not run or complete) or Aborted
 * @param reportJson the same JSON as {@code --json}; null when the run never started
 * @param exitCode   the master's exit code
 * @param message    one line for people
 */
public record FinalResult(String phase, String reportJson, int exitCode, String message) {

    /** The contract's phase for an exit code and whether the run was stopped early. */
    public static String phaseOf(ExitCode exitCode, boolean aborted) {
        if (aborted) return "Aborted";
        return switch (exitCode) {
            case OK -> "Succeeded";
            case THRESHOLD_BREACHED -> "Failed";
            case BAD_INPUT, COULD_NOT_RUN -> "Error";
        };
    }
}
