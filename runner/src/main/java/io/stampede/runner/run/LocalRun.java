package io.stampede.runner.run;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cluster.link.InProcessLink;
import io.stampede.runner.cluster.link.SharedToken;
import io.stampede.runner.cluster.master.MasterRun;
import io.stampede.runner.cluster.master.MasterSettings;
import io.stampede.runner.cluster.worker.PlanSource;
import io.stampede.runner.cluster.worker.WorkerAgent;
import io.stampede.runner.engine.EngineOptions;
import io.stampede.runner.engine.EventLoops;
import io.stampede.runner.scenario.TestPlan;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run on this machine: a master with one worker in this process, over an in-memory channel that carries the
 * same messages as a WebSocket. So {@code stampede run} and a distributed run share one code path. No Vert.x unless
 * the live view is asked for ({@code --web}): the users need only Netty's event loops.
 */
public final class LocalRun {

    /** After the run, how long the in-process worker may take to notice it is over. */
    private static final long WORKER_EXIT_MILLIS = 5000;

    private LocalRun() {
    }

    /**
     * Starts creating the event loops (loading Netty's native transport takes a while) while the caller parses the
     * file. The caller must pass the result to {@link #execute} or close it.
     */
    public static CompletableFuture<EventLoops> prepareEventLoops() {
        return CompletableFuture.supplyAsync(EventLoops::perCore);
    }

    /**
     * Runs the plan on the prepared event loops, closes them, and returns the exit code. With a live view, its
     * address is taken first: a taken or unknown address is bad input (exit 2), found before any request is sent.
     */
    public static ExitCode execute(CompletableFuture<EventLoops> eventLoops, TestPlan plan, ReportOptions options) {
        Optional<ServedApi> web = Optional.empty();
        if (options.web() != null) {
            web = ServedApi.listen(SharedToken.random(), options.web(), options);
            if (web.isEmpty()) {
                eventLoops.thenAccept(EventLoops::close);
                return ExitCode.BAD_INPUT;
            }
            if (options.web().isLoopback()) web.get().server().allowLocalStop();
            options.out().println("Live view: " + web.get().base() + "/");
        }
        Optional<RunEvents> events = RunEvents.open(plan, options);
        if (events.isEmpty()) {
            web.ifPresent(ServedApi::close);
            eventLoops.thenAccept(EventLoops::close);
            return ExitCode.COULD_NOT_RUN;
        }
        EventLoops loops = eventLoops.join();
        WorkerAgent worker = new WorkerAgent("local", loops.group(), PlanSource.given(plan),
                EngineOptions.defaults().withInsecureTls(options.insecureTls())
                        .withRequestEvents(events.get().requestSink())
                        .withNotices(line -> options.err().println("stampede: WARNING: " + line)), line -> { });
        Consumer<MasterRun> attach = master -> InProcessLink.connect(master, worker);
        try {
            ExitCode code = MasterSession.run(plan, MasterSettings.inProcess(options.insecureTls()), options, false,
                    web.map(api -> api.hooks(attach)).orElse(MasterSession.attaching(attach)), events.get());
            web.ifPresent(api -> WebLinger.await(api.base(), options, code));
            return code;
        } finally {
            web.ifPresent(ServedApi::close);
            try {
                worker.exit().get(WORKER_EXIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (Exception notDoneInTime) {
                // The master's result is final; the worker's own end changes nothing.
            }
            loops.close();
        }
    }
}
