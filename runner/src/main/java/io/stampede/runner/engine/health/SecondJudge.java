package io.stampede.runner.engine.health;

import java.util.Locale;

/**
 * Judges each second of a run: was the generator itself the bottleneck (saturated: its event loops busy), did the
 * machine stall it (all its threads late together, or CPU time stolen by the hypervisor), or neither. The two call
 * for opposite advice: a saturated generator needs fewer users per process or more CPU; a stalled one would do
 * fine with the same users on a machine that lets it run.
 *
 * <p>A second's loop lateness is the generator's own when it exceeds the limits by more than the stall of the
 * whole process explains: a loop 200 ms late while the stall probe was also 200 ms late was paused, not busy.
 * Saturation, as before, needs two such seconds in a row (a lone blip is not a backlog); a stall counts at once.
 * CPU use at {@link #CPU_LIMIT_PERCENT} or more is the generator's own saturation whatever else happened.
 *
 * <p>Pure: fed one {@link Second} at a time, no clock, no I/O. Threading: one caller at a time (the monitor holds
 * its lock).
 */
public final class SecondJudge {

    public static final double LAG_P99_LIMIT_MILLIS = 20;
    public static final double LAG_MAX_LIMIT_MILLIS = 100;
    public static final double CPU_LIMIT_PERCENT = 95;
    /** A stall probe this late means every thread of the process stood still that long. */
    public static final double STALL_LIMIT_MILLIS = 20;
    /** Steal above this share of the machine's CPU time means its hypervisor held it back. */
    public static final double STEAL_LIMIT_PERCENT = 10;

    /**
     * What was measured in one second.
     *
     * @param loopLagP99Ms  the worst loop's p99 lateness, ms (0..)
     * @param loopLagMaxMs  the worst loop lateness, ms (0..)
     * @param cpuPercent    the process's CPU use, percent of the cores it may use (0..100)
     * @param stallMs       how late the stall probe woke at worst, ms (0..): all threads late together
     * @param stealPercent  the machine's steal time, percent of its CPU time (0..100; 0 where unknown)
     */
    public record Second(double loopLagP99Ms, double loopLagMaxMs, double cpuPercent, double stallMs,
                         double stealPercent) {
    }

    /** The verdict on one second. */
    public enum Verdict {
        /** The generator kept up. */
        HEALTHY,
        /** Its loops were late by their own backlog, but not yet two seconds in a row. */
        LAGGING,
        /** Its loops were late by their own backlog for two seconds or more in a row. */
        SATURATED,
        /** The machine stalled the whole process (and its own load explains no more than that). */
        STALLED
    }

    private final int cores;
    private long seconds;
    private long saturatedSeconds;
    private long stalledSeconds;
    private int laggingInARow;
    private double worstStallMs;
    private double peakStealPercent;
    private Verdict latest = Verdict.HEALTHY;
    private String latestNote = "";

    /** @param cores the cores the generator may use (for messages) */
    public SecondJudge(int cores) {
        this.cores = cores;
    }

    /** Judges the next second. */
    public Verdict judge(Second second) {
        seconds++;
        boolean stalled = second.stallMs() >= STALL_LIMIT_MILLIS || second.stealPercent() >= STEAL_LIMIT_PERCENT;
        worstStallMs = Math.max(worstStallMs, second.stallMs());
        peakStealPercent = Math.max(peakStealPercent, second.stealPercent());
        // The part of the loops' lateness that the whole process's stall does not explain.
        double explained = stalled ? second.stallMs() : 0;
        boolean ownLag = second.cpuPercent() >= CPU_LIMIT_PERCENT
                || second.loopLagP99Ms() - explained >= LAG_P99_LIMIT_MILLIS
                || second.loopLagMaxMs() - explained >= LAG_MAX_LIMIT_MILLIS;
        // Steal without a late probe still slows everything a little: lateness under it is the machine's unless
        // the generator was busy too.
        if (second.stealPercent() >= STEAL_LIMIT_PERCENT && second.cpuPercent() < CPU_LIMIT_PERCENT
                && second.stallMs() < STALL_LIMIT_MILLIS) {
            ownLag = false;
        }
        laggingInARow = ownLag ? laggingInARow + 1 : 0;
        if (stalled) stalledSeconds++;
        if (laggingInARow >= 2) {
            saturatedSeconds += laggingInARow == 2 ? 2 : 1; // the episode's first second counts too
            latest = Verdict.SATURATED;
            latestNote = String.format(Locale.ROOT, "generator saturated: event loops %.0f ms late (p99 %.0f ms), "
                            + "CPU %.0f%% of %d cores; latencies include its own queueing",
                    second.loopLagMaxMs(), second.loopLagP99Ms(), second.cpuPercent(), cores);
        } else if (stalled) {
            latest = Verdict.STALLED;
            latestNote = String.format(Locale.ROOT, "the machine stalled the generator: all its threads %.0f ms "
                            + "late together%s (its own CPU %.0f%%); latencies in this second include the pause",
                    second.stallMs(), stealNote(second.stealPercent()), second.cpuPercent());
        } else {
            latest = ownLag ? Verdict.LAGGING : Verdict.HEALTHY;
            latestNote = "";
        }
        return latest;
    }

    /**
     * Counts a second without judging it: the first seconds of a run, while classes load and the JIT compiles,
     * stall a loop for tens of milliseconds once, which is start-up, neither saturation nor the machine.
     */
    public void skip() {
        seconds++;
        latest = Verdict.HEALTHY;
        latestNote = "";
    }

    /** The latest second's warning, or "" when it needs none (healthy, or lagging for one second only). */
    public String latestNote() {
        return latestNote;
    }

    public Verdict latest() {
        return latest;
    }

    public long seconds() {
        return seconds;
    }

    public long saturatedSeconds() {
        return saturatedSeconds;
    }

    public long stalledSeconds() {
        return stalledSeconds;
    }

    public double worstStallMs() {
        return worstStallMs;
    }

    public double peakStealPercent() {
        return peakStealPercent;
    }

    private static String stealNote(double stealPercent) {
        return stealPercent >= 1 ? String.format(Locale.ROOT, ", %.0f%% of CPU time stolen by the hypervisor",
                stealPercent) : "";
    }
}
