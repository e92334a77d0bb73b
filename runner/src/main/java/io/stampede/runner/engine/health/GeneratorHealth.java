package io.stampede.runner.engine.health;

import java.util.Locale;

/**
 * Whether the load generator kept up, over a run, and if not, whose fault: what the console and the JSON
 * summary's {@code generator} section report. Latencies measured while the generator was saturated include its
 * own queueing; latencies measured while the machine stalled it include the pause. Either way they overstate the
 * server's, but the advice differs (see {@link SecondJudge}).
 *
 * <p>Peaks and worst values leave out the first seconds of warm-up (see {@link GeneratorMonitor}).
 *
 * @param cores             CPUs the generator could use, each machine's counted once (see {@code machines})
 * @param peakCpuPercent    highest one-second CPU use, in percent of those CPUs (0..100)
 * @param meanCpuPercent    mean CPU use over the run, same unit
 * @param loopLagP99Ms      the worst one-second p99 of event-loop lateness, in ms
 * @param loopLagMaxMs      the worst event-loop lateness, in ms
 * @param seconds           seconds observed
 * @param saturatedSeconds  seconds in runs of two or more in which the loops lagged by their own backlog or the
 *                          CPU was saturated (see {@link SecondJudge})
 * @param outOfFileDescriptors connections the generator could not open for want of a file descriptor (each one a
 *                          request counted as failed, {@code cannot open connection: too many open files})
 * @param stalledSeconds    seconds in which the machine stalled the whole process (see {@link StallProbe})
 * @param worstStallMs      the longest stall of the whole process, ms
 * @param peakStealPercent  highest one-second steal time of the machine, percent of its CPU time (0..100)
 * @param machine           what identifies the generator's machine ({@link ProcStat#machineId}), "" if unknown
 * @param machines          how many machines the generators ran on (1 for a local run)
 */
public record GeneratorHealth(int cores, double peakCpuPercent, double meanCpuPercent, double loopLagP99Ms,
                              double loopLagMaxMs, long seconds, long saturatedSeconds, long outOfFileDescriptors,
                              long stalledSeconds, double worstStallMs, double peakStealPercent, String machine,
                              int machines) {

    public GeneratorHealth {
        machine = machine == null ? "" : machine;
        machines = Math.max(1, machines);
    }

    /** A generator on an unknown machine that was never stalled and never ran out of file descriptors. */
    public GeneratorHealth(int cores, double peakCpuPercent, double meanCpuPercent, double loopLagP99Ms,
                           double loopLagMaxMs, long seconds, long saturatedSeconds) {
        this(cores, peakCpuPercent, meanCpuPercent, loopLagP99Ms, loopLagMaxMs, seconds, saturatedSeconds, 0,
                0, 0, 0, "", 1);
    }

    public boolean saturated() {
        return saturatedSeconds > 0;
    }

    /** Whether the machine stalled the whole generator at some point. */
    public boolean stalled() {
        return stalledSeconds > 0;
    }

    /** Whether the generator lacked file descriptors for some of its connections. */
    public boolean ranOutOfFileDescriptors() {
        return outOfFileDescriptors > 0;
    }

    /** Whether the numbers stand as measured: the generator kept up, was let run, and had what it needed. */
    public boolean healthy() {
        return !saturated() && !stalled() && !ranOutOfFileDescriptors();
    }

    /** What went wrong, for people: empty when the generator was {@link #healthy()}. */
    public String message() {
        StringBuilder message = new StringBuilder();
        if (ranOutOfFileDescriptors()) {
            message.append("the load generator ran out of file descriptors: ").append(outOfFileDescriptors)
                    .append(" connections could not be opened, each counted as a failed request ('cannot open ")
                    .append("connection: too many open files') that the target never saw. Raise the limit ")
                    .append("(ulimit -n; ./stampede raises the soft limit to the hard one), or run fewer users per ")
                    .append("process.");
        }
        if (saturated()) {
            if (message.length() > 0) message.append(" Also: ");
            message.append(String.format(Locale.ROOT,
                    "the load generator was saturated for %d of %d s (event loops up to %.0f ms late, p99 %.0f ms; "
                            + "CPU up to %.0f%% of %d cores): latencies in those seconds include its own queueing. "
                            + "Use fewer users per process, more workers or more CPU.",
                    saturatedSeconds, seconds, loopLagMaxMs, loopLagP99Ms, peakCpuPercent, cores));
        }
        if (stalled()) {
            if (message.length() > 0) message.append(" Also: ");
            message.append(String.format(Locale.ROOT,
                    "the machine stalled the load generator for %d of %d s (all its threads paused together, up to "
                            + "%.0f ms%s; its own CPU up to %.0f%% of %d cores): latencies in those seconds include "
                            + "the pause. %s",
                    stalledSeconds, seconds, worstStallMs,
                    peakStealPercent >= 1 ? String.format(Locale.ROOT, "; up to %.0f%% of CPU time stolen by the "
                            + "hypervisor", peakStealPercent) : "",
                    peakCpuPercent, cores,
                    saturated() ? "Both at once: the generator was busy, and the machine held it back on top."
                            : "Not the generator's own load: it can drive these users. Run it where it gets its "
                            + "CPU: a quieter machine or node, no CPU limit below its need (a container's limit "
                            + "pauses it the same way), or a VM without CPU steal."));
        }
        return message.toString();
    }
}
