package io.stampede.runner.run;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cluster.link.SharedToken;
import io.stampede.runner.cluster.link.WebSocketMasterLink;
import io.stampede.runner.cluster.worker.PlanSource;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.cluster.worker.WorkerAgent;
import io.stampede.runner.cluster.worker.WorkerExit;
import io.stampede.runner.engine.EngineOptions;
import io.stampede.runner.engine.EventLoops;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What {@code stampede worker} does once its flags are read: connects to the master, runs the users it assigns
 * until it says stop (or is lost), and returns how the worker ended.
 *
 * <p>Threading: blocks the caller until the worker is done; the link to the master has an event loop of its own,
 * so heartbeats never wait behind the load.
 */
public final class WorkerSession {

    private WorkerSession() {
    }

    /**
     * @param name           how the master names this worker
     * @param connectTimeout how long to keep trying to reach the master
     * @param insecureTls    accept any TLS certificate of the target
     * @param plugins        the extensions the master's test may name, loaded here
     */
    public static ExitCode run(String name, HostPort master, SharedToken token, Duration connectTimeout,
                               boolean insecureTls, Plugins plugins, PrintWriter out, PrintWriter err)
            throws Exception {
        CompletableFuture<EventLoops> eventLoops = LocalRun.prepareEventLoops();
        Vertx control = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        EventLoops engineLoops = eventLoops.join();
        WorkerAgent agent = new WorkerAgent(name, engineLoops.group(), PlanSource.compiling(System.getenv(), plugins),
                EngineOptions.defaults().withInsecureTls(insecureTls), out::println);
        CountDownLatch exited = new CountDownLatch(1);
        Thread hook = Interrupts.onInterrupt(() -> agent.stopEarly("interrupted"), exited, 30_000);
        try {
            WebSocketMasterLink.connect(control, master.host(), master.port(), token, agent,
                    connectTimeout.toMillis(), out::println);
            WorkerExit exit = agent.exit().get();
            if (exit.exitCode() == ExitCode.OK) out.println("Done: " + exit.reason() + ".");
            else err.println("stampede: worker: " + exit.reason());
            return exit.exitCode();
        } finally {
            exited.countDown();
            Interrupts.remove(hook);
            control.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            engineLoops.close();
        }
    }
}
