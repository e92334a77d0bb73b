package io.stampede.runner.cli;

import io.stampede.runner.engine.Engine;
import io.stampede.runner.engine.EngineOptions;
import io.stampede.runner.engine.EngineStartException;
import io.stampede.runner.engine.RunResult;
import io.stampede.runner.engine.StatsSink;
import io.stampede.runner.engine.health.GeneratorHealth;
import io.stampede.runner.report.ConsoleTable;
import io.stampede.runner.report.CsvReports;
import io.stampede.runner.report.JsonSummaryWriter;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.stats.IntervalStats;
import io.stampede.runner.stats.RunSummary;
import io.stampede.runner.stats.StatsAggregator;
import io.stampede.runner.stats.ThresholdEvaluator;
import io.stampede.runner.stats.ThresholdMessage;
import io.stampede.runner.stats.ThresholdResult;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run on this machine: engine -> aggregator -> live table -> final table, thresholds and reports.
 * Reports are written after the last response is in, so their counts are complete.
 */
final class LocalRun {

    static final long LIVE_TABLE_MILLIS = 2000;

    private LocalRun() {
    }

    /**
     * Starts creating the event loops (about a quarter of a second) while the caller parses the file.
     * The caller must pass the result to {@link #execute} or close it.
     */
    static CompletableFuture<Vertx> prepareEventLoops() {
        return CompletableFuture.supplyAsync(() -> Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(Runtime.getRuntime().availableProcessors())
                .setPreferNativeTransport(true)));
    }

    /** Runs the plan on the prepared event loops, closes them, and returns the exit code. */
    static int execute(CompletableFuture<Vertx> eventLoops, TestPlan plan, ReportOptions options) {
        Vertx vertx = eventLoops.join();
        ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stampede-console");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return run(vertx, printer, plan, options);
        } finally {
            printer.shutdownNow();
            vertx.close();
        }
    }

    private static int run(Vertx vertx, ScheduledExecutorService printer, TestPlan plan, ReportOptions options) {
        StatsAggregator aggregator = new StatsAggregator(System.currentTimeMillis());
        Engine engine;
        try {
            engine = new Engine(vertx, plan, new StatsSink() {
                @Override
                public void accept(IntervalStats stats) {
                    aggregator.accept(stats);
                }

                @Override
                public void completeInterval(long intervalId, int users, long endEpochMillis) {
                    aggregator.completeInterval(intervalId, users, endEpochMillis);
                }
            }, EngineOptions.defaults().withInsecureTls(options.insecureTls()));
        } catch (EngineStartException e) {
            options.err().println("stampede: cannot run: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }

        options.out().println(RunBanner.of(plan));
        CountDownLatch reportsWritten = new CountDownLatch(1);
        Thread hook = Interrupts.onInterrupt(engine::abort, reportsWritten, plan.stopTimeoutMillis() + 10_000);
        if (!options.quiet()) {
            printer.scheduleAtFixedRate(() -> {
                options.out().println(ConsoleTable.live(aggregator.liveView()));
                String warning = engine.monitor().latestWarning();
                if (!warning.isEmpty()) options.out().println("WARNING: " + warning);
            }, LIVE_TABLE_MILLIS, LIVE_TABLE_MILLIS, TimeUnit.MILLISECONDS);
        }
        try {
            RunResult result = engine.start().get();
            printer.shutdownNow();
            return finish(plan, aggregator, result, engine.monitor().health(), options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.COULD_NOT_RUN;
        } catch (ExecutionException e) {
            options.err().println("stampede: the run failed: " + e.getCause());
            return ExitCodes.COULD_NOT_RUN;
        } finally {
            reportsWritten.countDown();
            Interrupts.remove(hook);
        }
    }

    private static int finish(TestPlan plan, StatsAggregator aggregator, RunResult result, GeneratorHealth health,
                              ReportOptions options) {
        RunSummary summary = aggregator.summary(plan.scenario().name(), result.endEpochMillis());
        List<ThresholdResult> thresholds = ThresholdEvaluator.evaluate(plan.thresholds(), summary);
        options.out().println(ConsoleTable.summary(summary, thresholds));
        if (health.saturated()) options.out().println("WARNING: " + health.message());
        boolean written = writeReports(summary, aggregator, thresholds, health, options);
        boolean passed = ThresholdEvaluator.allPassed(thresholds);
        options.out().println((passed ? "PASSED: " : "FAILED: ") + ThresholdMessage.of(thresholds)
                + (result.aborted() ? " (stopped early: interrupted)" : ""));
        if (!written) return ExitCodes.COULD_NOT_RUN;
        return passed ? ExitCodes.OK : ExitCodes.THRESHOLD_BREACHED;
    }

    /** The JSON summary's {@code generator} section: whether the numbers may include the generator's queueing. */
    static Map<String, Object> generatorSection(GeneratorHealth health) {
        Map<String, Object> section = new java.util.LinkedHashMap<>();
        section.put("saturated", health.saturated());
        section.put("saturatedSeconds", health.saturatedSeconds());
        section.put("seconds", health.seconds());
        section.put("cores", health.cores());
        section.put("peakCpuPercent", health.peakCpuPercent());
        section.put("meanCpuPercent", health.meanCpuPercent());
        section.put("loopLagP99Ms", health.loopLagP99Ms());
        section.put("loopLagMaxMs", health.loopLagMaxMs());
        section.put("message", health.message());
        return section;
    }

    private static boolean writeReports(RunSummary summary, StatsAggregator aggregator,
                                        List<ThresholdResult> thresholds, GeneratorHealth health,
                                        ReportOptions options) {
        boolean ok = true;
        if (options.csvPrefix() != null) {
            try {
                CsvReports.writeAll(options.csvPrefix(), summary, aggregator.history(), false);
                options.out().println("CSV: " + CsvReports.statsPath(options.csvPrefix()) + ", "
                        + CsvReports.historyPath(options.csvPrefix()) + ", "
                        + CsvReports.failuresPath(options.csvPrefix()));
            } catch (IOException e) {
                options.err().println("stampede: cannot write the CSV reports: " + e.getMessage());
                ok = false;
            }
        }
        if (options.jsonFile() != null) {
            try {
                JsonSummaryWriter.write(options.jsonFile(), summary, thresholds, Map.of("generator", generatorSection(health)));
                options.out().println("JSON: " + options.jsonFile());
            } catch (IOException e) {
                options.err().println("stampede: cannot write the JSON summary: " + e.getMessage());
                ok = false;
            }
        }
        return ok;
    }
}
