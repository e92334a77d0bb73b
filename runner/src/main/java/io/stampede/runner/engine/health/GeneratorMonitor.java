package io.stampede.runner.engine.health;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects the event loops' lag samples and the process's CPU use per one-second interval and judges each second.
 *
 * <p>A second lags when a loop was at least {@link #LAG_P99_LIMIT_MILLIS} late at its p99 or
 * {@link #LAG_MAX_LIMIT_MILLIS} late at worst, or when the process used at least {@link #CPU_LIMIT_PERCENT}% of the
 * CPUs it may use. Seconds count as saturated when at least two lag in a row: a lone blip (one GC pause, a noisy
 * neighbour) is not saturation, a backlog that lasts is. The limits sit well above what a healthy loop shows (well under 1 ms) and what a GC pause
 * causes on its own. The first {@link #WARM_UP_INTERVALS} seconds are not judged: while classes load and the JIT
 * compiles, a loop stalls for tens of milliseconds once, which is start-up, not saturation.
 *
 * <p>Threading: {@link #acceptLag} is called by the loops, {@link #completeInterval} by whichever finishes an
 * interval; everything is synchronized (called a few times a second).
 */
public final class GeneratorMonitor {

    public static final double LAG_P99_LIMIT_MILLIS = 20;
    public static final double LAG_MAX_LIMIT_MILLIS = 100;
    public static final double CPU_LIMIT_PERCENT = 95;
    public static final int WARM_UP_INTERVALS = 2;
    private static final long MIN_CPU_WINDOW_NANOS = 500_000_000L;

    private final int cores = Runtime.getRuntime().availableProcessors();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, long[]> lagByInterval = new HashMap<>();
    private long lastCpuNanos = os.getProcessCpuTime();
    private long lastWallNanos = System.nanoTime();
    private final long firstCpuNanos = lastCpuNanos;
    private final long firstWallNanos = lastWallNanos;

    private long seconds;
    private long saturatedSeconds;
    private double peakCpuPercent;
    private double worstP99Millis;
    private double worstMaxMillis;
    private boolean latestSaturated;
    private int laggingInARow;
    private String latestNote = "";
    /** Connections refused for want of a descriptor, over the run; written by any loop, without the lock. */
    private final LongAdder outOfFileDescriptors = new LongAdder();
    private long outOfFileDescriptorsJudged;
    private String latestDescriptorNote = "";

    /** A connection could not be opened: no file descriptor left. Any thread; lock-free. */
    public void recordOutOfFileDescriptors() {
        outOfFileDescriptors.increment();
    }

    /** One loop's lag over one interval. */
    public synchronized void acceptLag(long intervalId, LoopLagProbe.LagSample sample) {
        long[] worst = lagByInterval.computeIfAbsent(intervalId, id -> new long[2]);
        worst[0] = Math.max(worst[0], sample.p99Micros());
        worst[1] = Math.max(worst[1], sample.maxMicros());
    }

    /** Judges an interval once every loop's lag for it was accepted. */
    public synchronized void completeInterval(long intervalId) {
        long[] worst = lagByInterval.remove(intervalId);
        double p99Millis = worst == null ? 0 : worst[0] / 1000.0;
        double maxMillis = worst == null ? 0 : worst[1] / 1000.0;
        long cpuNanos = os.getProcessCpuTime();
        long wallNanos = System.nanoTime();
        // The process CPU clock ticks coarsely: over the short last interval a percentage would be noise.
        double cpuPercent = wallNanos - lastWallNanos >= MIN_CPU_WINDOW_NANOS
                ? percentOfCores(cpuNanos - lastCpuNanos, wallNanos - lastWallNanos) : 0;
        lastCpuNanos = cpuNanos;
        lastWallNanos = wallNanos;

        seconds++;
        long refused = outOfFileDescriptors.sum();
        latestDescriptorNote = refused == outOfFileDescriptorsJudged ? "" : "generator out of file descriptors: "
                + (refused - outOfFileDescriptorsJudged) + " connections could not be opened in the last second";
        outOfFileDescriptorsJudged = refused;
        if (intervalId < WARM_UP_INTERVALS) {
            latestSaturated = false;
            latestNote = "";
            return;
        }
        peakCpuPercent = Math.max(peakCpuPercent, cpuPercent);
        worstP99Millis = Math.max(worstP99Millis, p99Millis);
        worstMaxMillis = Math.max(worstMaxMillis, maxMillis);
        boolean lagging = p99Millis >= LAG_P99_LIMIT_MILLIS || maxMillis >= LAG_MAX_LIMIT_MILLIS
                || cpuPercent >= CPU_LIMIT_PERCENT;
        laggingInARow = lagging ? laggingInARow + 1 : 0;
        latestSaturated = laggingInARow >= 2;
        if (latestSaturated) {
            saturatedSeconds += laggingInARow == 2 ? 2 : 1; // the episode's first second counts too
            latestNote = String.format(java.util.Locale.ROOT,
                    "generator saturated: event loops %.0f ms late (p99 %.0f ms), CPU %.0f%% of %d cores; "
                            + "latencies include its own queueing", maxMillis, p99Millis, cpuPercent, cores);
        } else {
            latestNote = "";
        }
    }

    /** A warning about the last completed second, or "" when it was healthy. */
    public synchronized String latestWarning() {
        String saturation = latestSaturated ? latestNote : "";
        if (latestDescriptorNote.isEmpty()) return saturation;
        return saturation.isEmpty() ? latestDescriptorNote : latestDescriptorNote + "; " + saturation;
    }

    public synchronized GeneratorHealth health() {
        double meanCpu = percentOfCores(lastCpuNanos - firstCpuNanos, lastWallNanos - firstWallNanos);
        return new GeneratorHealth(cores, round(peakCpuPercent), round(meanCpu), round(worstP99Millis),
                round(worstMaxMillis), seconds, saturatedSeconds, outOfFileDescriptors.sum());
    }

    private double percentOfCores(long cpuNanos, long wallNanos) {
        if (wallNanos <= 0 || cpuNanos < 0) return 0;
        return Math.min(100.0, 100.0 * cpuNanos / wallNanos / cores);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
