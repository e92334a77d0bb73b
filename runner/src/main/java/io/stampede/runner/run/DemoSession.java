package io.stampede.runner.run;

import io.stampede.runner.ExitCode;
import io.stampede.runner.demo.DemoApi;
import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.LoadTestCompiler;
import io.stampede.runner.scenario.compile.Overrides;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * What {@code stampede demo} does once its flags are read: starts the built-in demo API and either serves it until
 * Ctrl-C or runs the bundled scenario against it, as {@code stampede run} would.
 *
 * <p>Threading: blocks the caller; the API has one event loop of its own, closed before returning.
 */
public final class DemoSession {

    private static final String API_LINE = " (POST /api/auth/login, GET|PUT /api/users/me, GET /api/users, GET /health)";

    private DemoSession() {
    }

    /** Serves the demo API until the process is interrupted. */
    public static ExitCode serve(DemoApi.Options options, PrintWriter out, PrintWriter err) throws Exception {
        return withApi(options, out, err, api -> {
            out.println("Serving until Ctrl-C.");
            CountDownLatch forever = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
            forever.await();
            return ExitCode.OK;
        });
    }

    /**
     * Runs the bundled scenario against a demo API started here.
     *
     * @param scenario the bundled LoadTest file's text
     * @param users    replaces the file's users; null keeps them
     * @param duration replaces the file's duration; null keeps it
     */
    public static ExitCode run(DemoApi.Options options, String scenario, Integer users, String duration,
                               ReportOptions reports) throws Exception {
        return withApi(options, reports.out(), reports.err(), api -> {
            TestPlan plan;
            try {
                plan = LoadTestCompiler.compile(LoadTestParser.parse(scenario),
                        new Overrides(api.baseUrl(), users, null, duration, null, null), Map.of());
            } catch (InvalidLoadTestException e) {
                TestFiles.printProblems(Path.of("demo/loadtest.yaml"), e, reports.err());
                return ExitCode.BAD_INPUT;
            }
            ExitCode code = LocalRun.execute(LocalRun.prepareEventLoops(), plan, reports);
            reports.out().println("The demo API answered " + api.totalRequests() + " requests. See the scenario with "
                    + "'stampede demo --print-scenario'; run your own with 'stampede run loadtest.yaml'.");
            return code;
        });
    }

    private interface WithApi {
        ExitCode run(DemoApi api) throws Exception;
    }

    private static ExitCode withApi(DemoApi.Options options, PrintWriter out, PrintWriter err, WithApi then)
            throws Exception {
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
            out.println("Demo API listening on http://" + api.listenAddress() + API_LINE);
            return then.run(api);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
