package io.stampede.runner.engine;

/**
 * How a run went, from the engine's side (the measurements went to the {@link StatsSink}).
 *
 * @param startEpochMillis when the first user was started
 * @param endEpochMillis   when the last user ended (after the last response was in)
 * @param peakUsers        the most users running at once
 * @param aborted          stopped early by the user (Ctrl-C) rather than by the plan's end
 * @param intervals        how many stats intervals were handed to the sink, the last one partial
 */
public record RunResult(long startEpochMillis, long endEpochMillis, int peakUsers, boolean aborted, long intervals) {
}
