package io.stampede.runner.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a run: stop the users, wait for the final reports, then let the JVM exit, so that nothing already
 * measured is lost.
 *
 * <p>Threading: the hook runs on the JVM's shutdown thread; the run's thread signals when its reports are written.
 */
public final class Interrupts {

    private static volatile boolean shuttingDown;

    private Interrupts() {
    }

    /** Whether Ctrl-C (or SIGTERM) is ending the process: then the JVM exits by itself, after the hook. */
    public static boolean shuttingDown() {
        return shuttingDown;
    }

    /**
     * Installs a hook that calls {@code stop} on Ctrl-C and then waits up to {@code maxWaitMillis} for
     * {@code reportsWritten}. Returns the hook, to be removed when the run ends normally.
     */
    static Thread onInterrupt(Runnable stop, CountDownLatch reportsWritten, long maxWaitMillis) {
        Thread hook = new Thread(() -> {
            shuttingDown = true;
            System.err.println("\nstampede: stopping (interrupted); finishing in-flight requests and writing reports...");
            stop.run();
            try {
                reportsWritten.await(maxWaitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stampede-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running: it waits for the reports, which are written by now.
        }
    }
}
