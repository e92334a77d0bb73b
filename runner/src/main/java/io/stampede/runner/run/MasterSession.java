package io.stampede.runner.run;

import io.stampede.runner.ExitCode;
import io.stampede.runner.analysis.story.StoryAnalyser;
import io.stampede.runner.cluster.master.LostWorker;
import io.stampede.runner.cluster.master.MasterEvents;
import io.stampede.runner.cluster.master.MasterOutcome;
import io.stampede.runner.cluster.master.MasterRun;
import io.stampede.runner.cluster.master.MasterSettings;
import io.stampede.runner.cluster.master.MasterStatus;
import io.stampede.runner.doc.CapacityDocument;
import io.stampede.runner.doc.ReportDocument;
import io.stampede.runner.doc.StoryDocument;
import io.stampede.runner.engine.health.GeneratorHealth;
import io.stampede.runner.load.ArrivalRatePlan;
import io.stampede.runner.report.ConsoleAnswers;
import io.stampede.runner.report.ConsoleTable;
import io.stampede.runner.report.JsonSummaryWriter;
import io.stampede.runner.report.StorySection;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.stats.IntervalStats;
import io.stampede.runner.stats.LiveView;
import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.StatsAggregator;
import io.stampede.runner.stats.ThresholdEvaluator;
import io.stampede.runner.stats.ThresholdResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One run as a master sees it, whether its workers are in this process ({@code stampede run}) or elsewhere
 * ({@code stampede master}): the console while it goes, then the final table, thresholds, reports and exit code.
 * Reports are written after every worker's last snapshot is in, so their counts are complete.
 */
final class MasterSession {

    static final long LIVE_TABLE_MILLIS = 2000;

    /** What the caller adds around the run: how workers reach the master, and who else wants the results. */
    interface Hooks {
        /** Workers may come now (an in-process worker is connected here). */
        void attachWorkers(MasterRun master);

        /** Sees every merged interval (metrics), on the master's thread. */
        default void onInterval(IntervalStats merged) {
        }

        /**
         * The run is over and its reports are written.
         *
         * @param reportJson the same JSON as {@code --json}; null when the run never started
         * @param message    the verdict or the error, one line
         */
        default void onFinished(String reportJson, ExitCode exitCode, boolean aborted, String message) {
        }
    }

    private MasterSession() {
    }

    /**
     * Runs the plan and returns the exit code.
     *
     * @param announceWorkers print workers joining, the start and the stop (a distributed run)
     */
    static ExitCode run(TestPlan plan, MasterSettings settings, ReportOptions options, boolean announceWorkers,
                   Hooks hooks, RunEvents events) {
        StressRun stress = StressRun.of(plan, options, options.quiet());
        AtomicReference<MasterRun> running = new AtomicReference<>();
        Notices notices = new Notices(plan, options);
        MasterRun master = new MasterRun(stress.masterPlan(plan), settings,
                consoleEvents(plan, options, announceWorkers, notices), interval -> {
                    stress.accept(interval, () -> running.get().status().startEpochMillis());
                    events.afterInterval(running.get().stats());
                    hooks.onInterval(interval);
                });
        running.set(master);
        ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stampede-console");
            thread.setDaemon(true);
            return thread;
        });
        CountDownLatch reportsWritten = new CountDownLatch(1);
        Thread hook = Interrupts.onInterrupt(() -> master.abort("interrupted"), reportsWritten,
                plan.stopTimeoutMillis() + settings.heartbeatTimeoutMillis() + 10_000);
        try {
            var outcomeFuture = master.start();
            hooks.attachWorkers(master);
            TestLifecycle lifecycle = new TestLifecycle(plan, settings.insecureTls() || options.insecureTls(), options);
            lifecycle.setup(master);
            if (!options.quiet()) {
                printer.scheduleAtFixedRate(() -> printLive(master, options), LIVE_TABLE_MILLIS, LIVE_TABLE_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
            MasterOutcome outcome = outcomeFuture.get();
            printer.shutdownNow();
            lifecycle.teardown();
            boolean eventsWritten = events.finish(options);
            if (!outcome.started()) {
                options.err().println("stampede: cannot run: " + outcome.error());
                hooks.onFinished(null, outcome.errorExitCode(), outcome.aborted(), outcome.error());
                notices.finished(null, outcome.errorExitCode(), outcome.error());
                return outcome.errorExitCode();
            }
            ExitCode code = finish(plan, stress, master.stats(), outcome, settings.expectedWorkers(), options, hooks,
                    notices);
            return code == ExitCode.OK && !eventsWritten ? ExitCode.COULD_NOT_RUN : code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.COULD_NOT_RUN;
        } catch (ExecutionException e) {
            options.err().println("stampede: the run failed: " + e.getCause());
            return ExitCode.COULD_NOT_RUN;
        } finally {
            printer.shutdownNow();
            reportsWritten.countDown();
            Interrupts.remove(hook);
        }
    }

    private static void printLive(MasterRun master, ReportOptions options) {
        StatsAggregator stats = master.stats();
        if (stats == null) return;
        LiveView view = stats.liveView();
        options.out().println(ConsoleTable.live(view));
        RunReports.arrivalWarnings(view.arrivals()).forEach(line -> options.out().println("WARNING: " + line));
        MasterStatus status = master.status();
        boolean distributed = status.expectedWorkers() > 1;
        for (MasterStatus.WorkerView worker : status.workers()) {
            if (!worker.warning().isEmpty()) {
                options.out().println("WARNING: " + (distributed ? "worker " + worker.worker() + ": " : "")
                        + worker.warning());
            }
        }
        if (distributed) {
            options.out().println("Workers: " + status.connectedWorkers() + " of " + status.expectedWorkers()
                    + " connected, " + status.lostWorkers().size() + " lost");
        }
    }

    private static ExitCode finish(TestPlan plan, StressRun stress, StatsAggregator stats, MasterOutcome outcome,
                                   int expectedWorkers, ReportOptions options, Hooks hooks, Notices notices) {
        RunSummary summary = stats.summary(plan.scenario().name(), outcome.endEpochMillis());
        List<ThresholdResult> thresholds = ThresholdEvaluator.evaluate(plan.thresholds(), summary);
        options.out().println(ConsoleTable.summary(summary, thresholds));
        CapacityDocument capacity = stress.finish(summary.startEpochMillis(), outcome.endEpochMillis());
        StoryDocument story = StorySection.of(StoryAnalyser.analyse(stats.history()));
        options.out().println(ConsoleAnswers.of(capacity, story));
        GeneratorHealth health = RunReports.combinedHealth(outcome);
        if (!health.healthy()) options.out().println("WARNING: " + health.message());
        RunReports.arrivalWarnings(summary.arrivals()).forEach(line -> options.out().println("WARNING: " + line));
        for (LostWorker lost : outcome.lostWorkers()) {
            options.out().println("WARNING: " + RunReports.lossLine(lost, plan.load() instanceof ArrivalRatePlan));
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        if (capacity != null) extras.put(CapacityDocument.SECTION, capacity.toTree());
        extras.put(StoryDocument.SECTION, story.toTree());
        extras.putAll(RunReports.extraSections(outcome, expectedWorkers, stats, summary));
        ReportDocument document = RunVerdict.withCapacity(JsonSummaryWriter.toDocument(summary, thresholds, extras),
                capacity);
        String reportJson = document.toJson();
        boolean written = RunReports.write(summary, stats, stress.steps(), reportJson, options);
        boolean passed = document.passed();
        long failed = summary.total().failures();
        boolean failedRequests = options.failOnErrors() && failed > 0;
        options.out().println((passed && !failedRequests ? "PASSED: " : "FAILED: ")
                + (failedRequests ? failed + (failed == 1 ? " request" : " requests") + " failed ("
                        + ReportOptions.FAIL_ON_ERRORS_FLAG + "); " : "")
                + document.message()
                + (outcome.aborted() ? " (stopped early: " + outcome.abortReason() + ")" : ""));
        passed = passed && !failedRequests;
        ExitCode exitCode;
        if (outcome.failed()) {
            options.err().println("stampede: the run did not complete: " + outcome.error());
            exitCode = outcome.errorExitCode();
        } else if (!written) {
            exitCode = ExitCode.COULD_NOT_RUN;
        } else {
            exitCode = passed ? ExitCode.OK : ExitCode.THRESHOLD_BREACHED;
        }
        hooks.onFinished(reportJson, exitCode, outcome.aborted(),
                outcome.failed() ? outcome.error() : document.message());
        notices.finished(reportJson, exitCode, outcome.failed() ? outcome.error() : document.message());
        return exitCode;
    }

    private static MasterEvents consoleEvents(TestPlan plan, ReportOptions options, boolean announceWorkers,
                                              Notices notices) {
        return new MasterEvents() {
            @Override
            public void workerJoined(String worker, String remoteAddress, int registered, int expected) {
                if (announceWorkers) {
                    options.out().println("Worker " + worker + " joined from " + remoteAddress + " (" + registered
                            + " of " + expected + ")");
                }
            }

            @Override
            public void workerLeft(String worker, String reason) {
                if (announceWorkers) options.out().println("Worker " + worker + " left before the start: " + reason);
            }

            @Override
            public void workerRefused(String remoteAddress, String reason) {
                options.err().println("stampede: refused a worker from " + remoteAddress + ": " + reason);
            }

            @Override
            public void started(int workers) {
                if (announceWorkers) options.out().println("All " + workers + " workers are ready; starting.");
                options.out().println(RunBanner.of(plan));
                notices.started();
            }

            @Override
            public void workerLost(LostWorker lost, int remaining) {
                options.out().println("WARNING: " + RunReports.lossLine(lost, plan.load() instanceof ArrivalRatePlan)
                        + " (" + remaining + " remain)");
            }

            @Override
            public void stopping(String reason) {
                if (announceWorkers) options.out().println("Stopping: " + reason + ".");
            }
        };
    }

    /** Adapts a lambda to {@link Hooks} when only the workers need attaching. */
    static Hooks attaching(Consumer<MasterRun> attach) {
        return attach::accept;
    }
}
