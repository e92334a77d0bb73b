package io.stampede.runner.cli;

import io.stampede.runner.cluster.link.InProcessLink;
import io.stampede.runner.cluster.master.MasterSettings;
import io.stampede.runner.cluster.worker.PlanSource;
import io.stampede.runner.cluster.worker.WorkerAgent;
import io.stampede.runner.engine.EngineOptions;
import io.stampede.runner.scenario.TestPlan;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run on this machine: a master with one worker in this process, over an in-memory channel that carries the
 * same messages as a WebSocket. So {@code stampede run} and a distributed run share one code path.
 */
final class LocalRun {

    /** After the run, how long the in-process worker may take to notice it is over. */
    private static final long WORKER_EXIT_MILLIS = 5000;

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
        WorkerAgent worker = new WorkerAgent("local", vertx, PlanSource.given(plan),
                EngineOptions.defaults().withInsecureTls(options.insecureTls()), line -> { });
        try {
            return MasterSession.run(plan, MasterSettings.inProcess(options.insecureTls()), options, false,
                    MasterSession.attaching(master -> InProcessLink.connect(master, worker)));
        } finally {
            try {
                worker.exit().get(WORKER_EXIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (Exception notDoneInTime) {
                // The master's result is final; the worker's own end changes nothing.
            }
            vertx.close();
        }
    }
}
