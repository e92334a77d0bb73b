package io.stampede.runner.engine.health;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells when the whole process stood still: a thread of its own, off the event loops, that sleeps
 * {@link #PERIOD_MICROS} at a time and keeps how much later than asked it woke. It does no work, so the loops'
 * load cannot make it late; what can is everything that stops all threads together: the machine running
 * something else (a VM descheduled by its host, a container throttled by its CPU limit, an overloaded host), the
 * process being stopped (SIGSTOP), or a long stop-the-world GC pause.
 *
 * <p>Threading: the probe thread writes, {@link #drainWorstLateMicros} may be called from any thread.
 */
public final class StallProbe implements AutoCloseable {

    public static final long PERIOD_MICROS = 5_000;

    private final AtomicLong worstLateMicros = new AtomicLong();
    private final Thread thread = new Thread(this::watch, "stampede-stall-probe");
    private volatile boolean running = true;

    /** Starts the probe thread (a daemon: it never keeps the process alive). */
    public StallProbe start() {
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void watch() {
        long periodNanos = TimeUnit.MICROSECONDS.toNanos(PERIOD_MICROS);
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(periodNanos);
            long lateMicros = (System.nanoTime() - before - periodNanos) / 1000;
            if (lateMicros > 0) worstLateMicros.accumulateAndGet(lateMicros, Math::max);
        }
    }

    /** The worst lateness since the last drain, µs (0..), then starts over. */
    public long drainWorstLateMicros() {
        return worstLateMicros.getAndSet(0);
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
