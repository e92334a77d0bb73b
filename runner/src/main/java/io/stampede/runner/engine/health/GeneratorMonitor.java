package io.stampede.runner.engine.health;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects, per one-second interval, the event loops' lag samples, the process's CPU use, the stall probe's
 * worst lateness and the machine's steal time, and has {@link SecondJudge} judge each second: the generator's own
 * saturation, a stall by the machine, or neither.
 *
 * <p>The first {@link #WARM_UP_INTERVALS} seconds are not judged: while classes load and the JIT compiles, a loop
 * stalls for tens of milliseconds once, which is start-up, not saturation.
 *
 * <p>Threading: {@link #acceptLag} is called by the loops, {@link #completeInterval} by whichever finishes an
 * interval; everything is synchronized (called a few times a second). {@link #start} and {@link #stop} bracket
 * the run (the stall probe's thread).
 */
public final class GeneratorMonitor {

    public static final double LAG_P99_LIMIT_MILLIS = SecondJudge.LAG_P99_LIMIT_MILLIS;
    public static final double LAG_MAX_LIMIT_MILLIS = SecondJudge.LAG_MAX_LIMIT_MILLIS;
    public static final double CPU_LIMIT_PERCENT = SecondJudge.CPU_LIMIT_PERCENT;
    public static final int WARM_UP_INTERVALS = 2;
    private static final long MIN_CPU_WINDOW_NANOS = 500_000_000L;

    private final int cores = Runtime.getRuntime().availableProcessors();
    private final String machine = ProcStat.machineId();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, long[]> lagByInterval = new HashMap<>();
    private final SecondJudge judge = new SecondJudge(cores);
    private final StallProbe stallProbe = new StallProbe();
    private boolean started;
    private long lastCpuNanos = os.getProcessCpuTime();
    private long lastWallNanos = System.nanoTime();
    private ProcStat.CpuTicks lastTicks = ProcStat.read().orElse(null);
    private final long firstCpuNanos = lastCpuNanos;
    private final long firstWallNanos = lastWallNanos;

    private double peakCpuPercent;
    private double worstP99Millis;
    private double worstMaxMillis;
    /** Connections refused for want of a descriptor, over the run; written by any loop, without the lock. */
    private final LongAdder outOfFileDescriptors = new LongAdder();
    private long outOfFileDescriptorsJudged;
    private String latestDescriptorNote = "";

    /** Starts the stall probe's thread; once. */
    public synchronized void start() {
        if (started) return;
        started = true;
        stallProbe.start();
    }

    /** Stops the stall probe's thread. */
    public synchronized void stop() {
        stallProbe.close();
    }

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
        boolean longEnough = wallNanos - lastWallNanos >= MIN_CPU_WINDOW_NANOS;
        double cpuPercent = longEnough ? percentOfCores(cpuNanos - lastCpuNanos, wallNanos - lastWallNanos) : 0;
        lastCpuNanos = cpuNanos;
        lastWallNanos = wallNanos;
        ProcStat.CpuTicks ticks = ProcStat.read().orElse(null);
        double stealPercent = ticks != null && lastTicks != null && longEnough ? ticks.stealPercentSince(lastTicks) : 0;
        lastTicks = ticks;
        double stallMillis = stallProbe.drainWorstLateMicros() / 1000.0;

        long refused = outOfFileDescriptors.sum();
        latestDescriptorNote = refused == outOfFileDescriptorsJudged ? "" : "generator out of file descriptors: "
                + (refused - outOfFileDescriptorsJudged) + " connections could not be opened in the last second";
        outOfFileDescriptorsJudged = refused;
        if (intervalId < WARM_UP_INTERVALS) {
            judge.skip();
            return;
        }
        peakCpuPercent = Math.max(peakCpuPercent, cpuPercent);
        worstP99Millis = Math.max(worstP99Millis, p99Millis);
        worstMaxMillis = Math.max(worstMaxMillis, maxMillis);
        judge.judge(new SecondJudge.Second(p99Millis, maxMillis, cpuPercent, stallMillis, stealPercent));
    }

    /** A warning about the last completed second, or "" when it was healthy. */
    public synchronized String latestWarning() {
        String judged = judge.latestNote();
        if (latestDescriptorNote.isEmpty()) return judged;
        return judged.isEmpty() ? latestDescriptorNote : latestDescriptorNote + "; " + judged;
    }

    /** Whether the last completed second was saturated by the generator's own load. */
    public synchronized boolean latestSaturated() {
        return judge.latest() == SecondJudge.Verdict.SATURATED;
    }

    public synchronized GeneratorHealth health() {
        double meanCpu = percentOfCores(lastCpuNanos - firstCpuNanos, lastWallNanos - firstWallNanos);
        return new GeneratorHealth(cores, round(peakCpuPercent), round(meanCpu), round(worstP99Millis),
                round(worstMaxMillis), judge.seconds(), judge.saturatedSeconds(), outOfFileDescriptors.sum(),
                judge.stalledSeconds(), round(judge.worstStallMs()), round(judge.peakStealPercent()), machine, 1);
    }

    private double percentOfCores(long cpuNanos, long wallNanos) {
        if (wallNanos <= 0 || cpuNanos < 0) return 0;
        return Math.min(100.0, 100.0 * cpuNanos / wallNanos / cores);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

}
