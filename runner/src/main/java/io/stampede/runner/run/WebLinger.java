package io.stampede.runner.run;

import io.stampede.runner.ExitCode;
import io.stampede.runner.stats.HumanFormat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * After a run with a live view: the view stays up so its final charts can be read, for {@code --web-linger} or,
 * without it, until Ctrl-C. Ctrl-C then ends the process with the run's own exit code (not the 130 of an interrupt):
 * a script that waits for a run with a live view still learns its verdict.
 *
 * <p>Threading: blocks the caller; the hook runs on the JVM's shutdown thread.
 */
final class WebLinger {

    private WebLinger() {
    }

    static void await(String base, ReportOptions options, ExitCode code) {
        if (options.webLinger() != null && (options.webLinger().isZero() || options.webLinger().isNegative())) return;
        CountDownLatch forever = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            options.out().flush();
            options.err().flush();
            Runtime.getRuntime().halt(code.code());
        }, "stampede-web-linger");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (options.webLinger() == null) {
                options.out().println("The live view stays up at " + base + "/ with the final results; Ctrl-C ends it.");
                options.out().flush();
                forever.await();
            } else {
                options.out().println("The live view stays up at " + base + "/ for "
                        + HumanFormat.millis(options.webLinger().toMillis()) + " (Ctrl-C ends it now).");
                options.out().flush();
                forever.await(options.webLinger().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook ends the process
            }
        }
    }
}
