package io.stampede.runner.cli;

import io.stampede.runner.cluster.link.SharedToken;
import io.stampede.runner.cluster.link.WebSocketMasterLink;
import io.stampede.runner.cluster.worker.PlanSource;
import io.stampede.runner.cluster.worker.WorkerAgent;
import io.stampede.runner.cluster.worker.WorkerExit;
import io.stampede.runner.engine.EngineOptions;
import io.stampede.runner.engine.EventLoops;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code stampede worker --master HOST:PORT}: runs the users a master assigns, until it says stop. */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Connects to a master ('stampede master'), runs the users it assigns and sends it a "
                + "heartbeat and the stats every second. Stops by itself when the master is gone.",
                "Exit code: 0 the run is over, 2 the token was refused or the test does not compile here, "
                        + "3 the master could not be reached or was lost."})
final class WorkerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--master", required = true, paramLabel = "HOST:PORT", converter = HostPort.Converter.class,
            description = "the master's address")
    HostPort master;

    @Option(names = "--token-file", paramLabel = "F",
            description = "the shared token (default: the " + SharedToken.ENV + " environment variable)")
    Path tokenFile;

    @Option(names = "--connect-timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "keep trying to reach the master for D (default: 1m)")
    Duration connectTimeout = Duration.ofMinutes(1);

    @Option(names = "--name", paramLabel = "NAME", description = "how the master names this worker "
            + "(default: $HOSTNAME/pid)")
    String name;

    @Option(names = {"-k", "--insecure"}, description = "accept any TLS certificate of the target")
    boolean insecure;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<SharedToken> token = ClusterTokens.load(tokenFile, "worker", err);
        if (token.isEmpty()) return ExitCodes.BAD_INPUT;
        CompletableFuture<EventLoops> eventLoops = LocalRun.prepareEventLoops();
        // The channel to the master has an event loop of its own: heartbeats never wait behind the load.
        Vertx control = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        EventLoops engineLoops = eventLoops.join();
        WorkerAgent agent = new WorkerAgent(workerName(), engineLoops.group(), PlanSource.compiling(System.getenv()),
                EngineOptions.defaults().withInsecureTls(insecure), out::println);
        CountDownLatch exited = new CountDownLatch(1);
        Thread hook = Interrupts.onInterrupt(() -> agent.stopEarly("interrupted"), exited, 30_000);
        try {
            WebSocketMasterLink.connect(control, master.host(), master.port(), token.get(), agent,
                    connectTimeout.toMillis(), out::println);
            WorkerExit exit = agent.exit().get();
            if (exit.exitCode() == ExitCodes.OK) out.println("Done: " + exit.reason() + ".");
            else err.println("stampede: worker: " + exit.reason());
            return exit.exitCode();
        } finally {
            exited.countDown();
            Interrupts.remove(hook);
            control.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            engineLoops.close();
        }
    }

    private String workerName() {
        if (name != null && !name.isBlank()) return name;
        String host = System.getenv().getOrDefault("HOSTNAME", "worker");
        return host + "/" + ProcessHandle.current().pid();
    }
}
