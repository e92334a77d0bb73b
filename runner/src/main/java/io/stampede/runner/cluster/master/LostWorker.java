package io.stampede.runner.cluster.master;

/**
 * A worker the run lost, as the console, the status API and the reports show it.
 *
 * @param worker        its name for people ({@code w2 (host-7/4711)})
 * @param atEpochMillis wall-clock time it was marked lost
 * @param elapsedMillis time since the run started; 0 when lost before it started
 * @param reason        {@code no heartbeat for 10s}, {@code connection closed}
 * @param users         users it was running, which moved to the other workers
 */
public record LostWorker(String worker, long atEpochMillis, long elapsedMillis, String reason, int users) {
}
