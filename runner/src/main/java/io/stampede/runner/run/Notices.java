package io.stampede.runner.run;

import io.stampede.runner.ExitCode;
import io.stampede.runner.hooks.NotifyPayload;
import io.stampede.runner.hooks.Webhooks;
import io.stampede.runner.scenario.TestPlan;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The run's {@code spec.notify} webhooks as the master's session sends them: start when the users start (posted
 * from a thread of its own, so a slow webhook never delays the run), end when the reports are written, and breach
 * with it when a threshold was breached. {@link #finished} waits, bounded, for every post to go out before the
 * process may exit.
 */
final class Notices {

    private final TestPlan plan;
    private final Webhooks webhooks;
    private final ExecutorService sender;

    Notices(TestPlan plan, ReportOptions options) {
        this.plan = plan;
        this.webhooks = new Webhooks(plan.webhooks(), line -> options.err().println("WARNING: " + line));
        this.sender = plan.webhooks().isEmpty() ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stampede-notify");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The users start now; safe from any thread. */
    void started() {
        if (sender == null || !webhooks.wants("start")) return;
        String json = NotifyPayload.start(plan.scenario().name(), plan.scenario().target().toString(),
                System.currentTimeMillis());
        sender.execute(() -> webhooks.post("start", json));
    }

    /**
     * The run is over: posts end (and breach, for exit code 1) and waits until every post is out or timed out.
     *
     * @param reportJson the {@code --json} document, null when the run never started
     */
    void finished(String reportJson, ExitCode exitCode, String message) {
        if (sender == null) return;
        long now = System.currentTimeMillis();
        String name = plan.scenario().name();
        sender.execute(() -> webhooks.post("end", NotifyPayload.result("end", name, now, exitCode.code(), message,
                reportJson)));
        if (exitCode == ExitCode.THRESHOLD_BREACHED) {
            sender.execute(() -> webhooks.post("breach", NotifyPayload.result("breach", name, now, exitCode.code(),
                    message, reportJson)));
        }
        sender.shutdown();
        try {
            // Each post is bounded by Webhooks.TIMEOUT (connect and answer); three events per webhook at most.
            sender.awaitTermination(Webhooks.TIMEOUT.toSeconds() * 2 * (3L * plan.webhooks().size() + 1),
                    TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
