package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.cli.args.UsageException;
import io.stampede.runner.demo.DemoApi;
import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.LoadTestCompiler;
import io.stampede.runner.scenario.compile.Overrides;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

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
final class DemoCommand implements Subcommand {

    static final String SCENARIO_RESOURCE = "/demo/loadtest.yaml";

    private static final CommandSyntax SYNTAX = new CommandSyntax("demo",
            "Starts a demo API on 127.0.0.1 (JWT login that expires, profile, users, health) and runs the bundled "
                    + "demo LoadTest against it for about 30 s, with the live table and reports.",
            "In a container: stampede demo --serve --bind 0.0.0.0:8080",
            "The scenario it runs: stampede demo --print-scenario")
            .option("--port", "PORT", "port of the demo API (default: any free port)")
            .option("--bind", "HOST:PORT", "address and port to listen on instead of 127.0.0.1 (in a container: "
                    + "0.0.0.0:8080)")
            .option("-t, --duration", "D", "how long to run (default: the file's 30s)")
            .option("-u, --users", "N", "concurrent users (default: the file's)")
            .option("--out", "DIR", "where reports go (default: stampede-demo)")
            .flag("-q, --quiet", "no live table; only the final results")
            .flag("--serve", "only serve the demo API until Ctrl-C")
            .flag("--print-scenario", "print the bundled LoadTest file and exit");

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public ExitCode run(Arguments arguments, PrintWriter out, PrintWriter err) throws Exception {
        int port = arguments.value("--port", Converter.WHOLE_NUMBER, 0);
        HostPort bind = arguments.value("--bind", HostPort.CONVERTER);
        String duration = arguments.text("--duration");
        Integer users = arguments.value("--users", Converter.WHOLE_NUMBER);
        Path outDir = arguments.value("--out", Converter.PATH, Path.of("stampede-demo"));
        boolean quiet = arguments.flag("--quiet");
        String scenario = bundledScenario();
        if (arguments.flag("--print-scenario")) {
            out.print(scenario);
            out.flush();
            return ExitCode.OK;
        }
        if (bind != null && port != 0) {
            throw new UsageException("give --bind HOST:PORT or --port PORT, not both");
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
                return ExitCode.COULD_NOT_RUN;
            }
            out.println("Demo API listening on http://" + api.listenAddress()
                    + " (POST /api/auth/login, GET|PUT /api/users/me, GET /api/users, GET /health)");
            if (arguments.flag("--serve")) {
                out.println("Serving until Ctrl-C.");
                CountDownLatch forever = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
                forever.await();
                return ExitCode.OK;
            }
            TestPlan plan;
            try {
                plan = LoadTestCompiler.compile(LoadTestParser.parse(scenario),
                        new Overrides(api.baseUrl(), users, null, duration, null, null), Map.of());
            } catch (InvalidLoadTestException e) {
                TestFiles.printProblems(Path.of("demo/loadtest.yaml"), e, err);
                return ExitCode.BAD_INPUT;
            }
            String prefix = outDir.resolve("demo").toString();
            ExitCode code = LocalRun.execute(LocalRun.prepareEventLoops(), plan, new ReportOptions(prefix, outDir.resolve("summary.json"), quiet, false, out, err));
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
