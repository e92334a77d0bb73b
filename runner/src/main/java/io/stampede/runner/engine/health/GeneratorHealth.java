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
 * @param outOfFileDescriptors connections the generator could not open for want of a file descriptor (each one a
 *                          request counted as failed, {@code cannot open connection: too many open files})
 */
public record GeneratorHealth(int cores, double peakCpuPercent, double meanCpuPercent, double loopLagP99Ms,
                              double loopLagMaxMs, long seconds, long saturatedSeconds, long outOfFileDescriptors) {

    /** A generator that never ran out of file descriptors. */
    public GeneratorHealth(int cores, double peakCpuPercent, double meanCpuPercent, double loopLagP99Ms,
                           double loopLagMaxMs, long seconds, long saturatedSeconds) {
        this(cores, peakCpuPercent, meanCpuPercent, loopLagP99Ms, loopLagMaxMs, seconds, saturatedSeconds, 0);
    }

    public boolean saturated() {
        return saturatedSeconds > 0;
    }

    /** Whether the generator lacked file descriptors for some of its connections. */
    public boolean ranOutOfFileDescriptors() {
        return outOfFileDescriptors > 0;
    }

    /** Whether the numbers stand as measured: the generator kept up and had what it needed. */
    public boolean healthy() {
        return !saturated() && !ranOutOfFileDescriptors();
    }

    /** What went wrong, for people: empty when the generator was {@link #healthy()}. */
    public String message() {
        if (!ranOutOfFileDescriptors()) return saturationMessage();
        String descriptors = "the load generator ran out of file descriptors: " + outOfFileDescriptors
                + " connections could not be opened, each counted as a failed request ('cannot open connection: "
                + "too many open files') that the target never saw. Raise the limit (ulimit -n; ./stampede raises "
                + "the soft limit to the hard one), or run fewer users per process.";
        return saturated() ? descriptors + " Also: " + saturationMessage() : descriptors;
    }

    private String saturationMessage() {
        if (!saturated()) return "";
        return String.format(java.util.Locale.ROOT,
                "the load generator was saturated for %d of %d s (event loops up to %.0f ms late, p99 %.0f ms; CPU up "
                        + "to %.0f%% of %d cores): latencies in those seconds include its own queueing. Use fewer "
                        + "users per process, more workers or more CPU.",
                saturatedSeconds, seconds, loopLagMaxMs, loopLagP99Ms, peakCpuPercent, cores);
    }
}
