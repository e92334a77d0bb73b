package io.stampede.runner.engine.http;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many connections the generator may hold open at once: the process's file-descriptor limit, less the
 * descriptors already open when the run starts and a {@link #RESERVE} that the process keeps for itself (reports,
 * logs, classes loaded late). Without the reserve the users would take every descriptor, and the process could
 * then neither load a class nor write its reports.
 *
 * <p>A connection that does not fit is not opened: it fails with {@link FailureCauses#NO_FILE_DESCRIPTORS}, as it
 * would when the kernel refuses a socket (EMFILE), and {@code onExhausted} is told either way.
 *
 * <p>Threading: shared by all event loops of one engine; every method is thread-safe and lock-free.
 */
public final class ConnectionBudget {

    /** Descriptors left for the process itself. */
    public static final int RESERVE = 32;

    private final int limit;
    private final AtomicInteger open = new AtomicInteger();
    private final Runnable onExhausted;

    /**
     * @param limit       connections that may be open at once, >= 0
     * @param onExhausted told each time a connection cannot be opened for want of a descriptor (any thread)
     */
    public ConnectionBudget(int limit, Runnable onExhausted) {
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0: " + limit);
        this.limit = limit;
        this.onExhausted = onExhausted;
    }

    /** The budget of this process now: its descriptor limit less those open and the reserve (unbounded where unknown). */
    public static ConnectionBudget ofThisProcess(Runnable onExhausted) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - RESERVE;
            return new ConnectionBudget((int) Math.max(0, Math.min(Integer.MAX_VALUE, free)), onExhausted);
        }
        return new ConnectionBudget(Integer.MAX_VALUE, onExhausted);
    }

    /** Takes a descriptor for a new connection; false (and {@code onExhausted} told) when none is left. */
    boolean tryAcquire() {
        while (true) {
            int now = open.get();
            if (now >= limit) {
                onExhausted.run();
                return false;
            }
            if (open.compareAndSet(now, now + 1)) return true;
        }
    }

    /** Gives back the descriptor of a connection that has closed (or was never created). */
    void release() {
        open.decrementAndGet();
    }

    /** The kernel refused a socket although the budget allowed it (another part of the process took descriptors). */
    void exhaustedByTheSystem() {
        onExhausted.run();
    }

    /** Connections open now. */
    public int open() {
        return open.get();
    }

    public int limit() {
        return limit;
    }
}
