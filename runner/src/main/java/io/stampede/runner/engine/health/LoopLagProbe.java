package io.stampede.runner.engine.health;

import io.netty.channel.EventLoop;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * Measures how late one event loop runs: a task scheduled every {@link #PERIOD_MILLIS} records how much after its
 * due time it actually ran. A healthy loop is a fraction of a millisecond late; a saturated one, whose users' sends
 * and think-time wake-ups queue up behind each other, is late by as much as its backlog.
 *
 * <p>Threading: a single writer, the loop itself; {@link #drain} must be called on the loop too.
 */
public final class LoopLagProbe {

    public static final long PERIOD_MILLIS = 20;

    private final EventLoop loop;
    private final Histogram lagMicros = new Histogram(1, TimeUnit.MINUTES.toMicros(10), 2);
    private long dueNanos;
    private boolean stopped;
    /** When the probe last ran ({@link System#nanoTime()}): a loop that stops running tasks stops updating it. */
    private volatile long lastRunNanos = System.nanoTime();

    public LoopLagProbe(EventLoop loop) {
        this.loop = loop;
    }

    /** Starts probing. On the loop. */
    public void start() {
        dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
        loop.schedule(this::probe, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        stopped = true;
    }

    /** When the loop last ran this probe, {@link System#nanoTime()} scale; any thread. */
    public long lastRunNanos() {
        return lastRunNanos;
    }

    private void probe() {
        if (stopped) return;
        long now = System.nanoTime();
        lastRunNanos = now;
        lagMicros.recordValue(Math.max(1, Math.min((now - dueNanos) / 1000, lagMicros.getHighestTrackableValue())));
        dueNanos = now + TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
        loop.schedule(this::probe, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The lag seen since the last drain, then starts over. On the loop. */
    public LagSample drain() {
        long pendingMicros = Math.max(0, (System.nanoTime() - dueNanos) / 1000); // a probe overdue right now
        LagSample sample = new LagSample(lagMicros.getTotalCount(), lagMicros.getValueAtPercentile(99),
                Math.max(lagMicros.getMaxValue(), pendingMicros));
        lagMicros.reset();
        return sample;
    }

    /**
     * @param samples   probes that ran in the interval
     * @param p99Micros 99th percentile of their lateness, µs (0 without samples)
     * @param maxMicros the worst lateness, µs, including a probe still overdue at the drain
     */
    public record LagSample(long samples, long p99Micros, long maxMicros) {
    }
}
