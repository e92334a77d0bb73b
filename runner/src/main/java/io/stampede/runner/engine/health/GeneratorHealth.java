package io.stampede.runner.engine.health;

/**
 * Whether the load generator itself kept up, over a run: what the console and the JSON summary's
 * {@code generator} section report. Latencies measured while the generator was saturated include its own
 * queueing, so they overstate the server's.
 *
 * <p>Peaks and worst values leave out the first seconds of warm-up (see {@link GeneratorMonitor}).
 *
 * @param cores             CPUs the generator could use
 * @param peakCpuPercent    highest one-second CPU use, in percent of those CPUs (0..100)
 * @param meanCpuPercent    mean CPU use over the run, same unit
 * @param loopLagP99Ms      the worst one-second p99 of event-loop lateness, in ms
 * @param loopLagMaxMs      the worst event-loop lateness, in ms
 * @param seconds           seconds observed
 * @param saturatedSeconds  seconds in runs of two or more in which the loops lagged or the CPU was saturated
 *                          (see {@link GeneratorMonitor})
 */
public record GeneratorHealth(int cores, double peakCpuPercent, double meanCpuPercent, double loopLagP99Ms,
                              double loopLagMaxMs, long seconds, long saturatedSeconds) {

    public boolean saturated() {
        return saturatedSeconds > 0;
    }

    /** One sentence for people: empty when the generator kept up. */
    public String message() {
        if (!saturated()) return "";
        return String.format(java.util.Locale.ROOT,
                "the load generator was saturated for %d of %d s (event loops up to %.0f ms late, p99 %.0f ms; CPU up "
                        + "to %.0f%% of %d cores): latencies in those seconds include its own queueing. Use fewer "
                        + "users per process, more workers or more CPU.",
                saturatedSeconds, seconds, loopLagMaxMs, loopLagP99Ms, peakCpuPercent, cores);
    }
}
