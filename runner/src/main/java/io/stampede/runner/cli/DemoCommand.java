package io.stampede.runner.cli;

import io.stampede.runner.demo.DemoApi;
import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.LoadTestCompiler;
import io.stampede.runner.scenario.compile.Overrides;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code stampede demo}: starts the built-in demo API on 127.0.0.1 and runs the bundled scenario against it, the
 * first command a new user runs. {@code --serve} only starts the API, to aim your own files at it;
 * {@code --bind 0.0.0.0:8080} makes it reachable from other machines (a pod behind a Service).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts a demo API on 127.0.0.1 (JWT login that expires, profile, users, health) and runs the "
                + "bundled demo LoadTest against it for about 30 s, with the live table and reports.",
                "In a container: stampede demo --serve --bind 0.0.0.0:8080",
                "The scenario it runs: stampede demo --print-scenario"})
final class DemoCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final String SCENARIO_RESOURCE = "/demo/loadtest.yaml";

    @Option(names = "--port", paramLabel = "PORT", description = "port of the demo API (default: any free port)")
    int port;

    @Option(names = "--bind", paramLabel = "HOST:PORT", converter = HostPort.Converter.class,
            description = "address and port to listen on instead of 127.0.0.1 (in a container: 0.0.0.0:8080)")
    HostPort bind;

    @Option(names = {"-t", "--duration"}, paramLabel = "D", description = "how long to run (default: the file's 30s)")
    String duration;

    @Option(names = {"-u", "--users"}, paramLabel = "N", description = "concurrent users (default: the file's)")
    Integer users;

    @Option(names = "--out", paramLabel = "DIR", description = "where reports go (default: ${DEFAULT-VALUE})")
    Path outDir = Path.of("stampede-demo");

    @Option(names = {"-q", "--quiet"}, description = "no live table; only the final results")
    boolean quiet;

    @Option(names = "--serve", description = "only serve the demo API until Ctrl-C")
    boolean serve;

    @Option(names = "--print-scenario", description = "print the bundled LoadTest file and exit")
    boolean printScenario;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String scenario = bundledScenario();
        if (printScenario) {
            out.print(scenario);
            out.flush();
            return ExitCodes.OK;
        }
        if (bind != null && port != 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --bind HOST:PORT or --port PORT, not both");
        }
        DemoApi.Options options = bind == null
                ? DemoApi.Options.defaults().withPort(port)
                : DemoApi.Options.defaults().withHost(bind.host()).withPort(bind.port());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            DemoApi api;
            try {
                api = DemoApi.start(vertx, options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                err.println("stampede: the demo API cannot listen on " + options.host() + ":" + options.port() + ": "
                        + e.getCause().getMessage());
                return ExitCodes.COULD_NOT_RUN;
            }
            out.println("Demo API listening on http://" + api.listenAddress()
                    + " (POST /api/auth/login, GET|PUT /api/users/me, GET /api/users, GET /health)");
            if (serve) {
                out.println("Serving until Ctrl-C.");
                CountDownLatch forever = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
                forever.await();
                return ExitCodes.OK;
            }
            TestPlan plan;
            try {
                plan = LoadTestCompiler.compile(LoadTestParser.parse(scenario),
                        new Overrides(api.baseUrl(), users, null, duration, null, null), Map.of());
            } catch (InvalidLoadTestException e) {
                TestFiles.printProblems(Path.of("demo/loadtest.yaml"), e, err);
                return ExitCodes.BAD_INPUT;
            }
            String prefix = outDir.resolve("demo").toString();
            int code = LocalRun.execute(LocalRun.prepareEventLoops(), plan, new ReportOptions(prefix, outDir.resolve("summary.json"), quiet, false, out, err));
            out.println("The demo API answered " + api.totalRequests() + " requests. See the scenario with "
                    + "'stampede demo --print-scenario'; run your own with 'stampede run loadtest.yaml'.");
            return code;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    static String bundledScenario() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SCENARIO_RESOURCE)) {
            if (in == null) throw new IOException("the bundled demo scenario is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
