package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.cli.args.UsageException;
import io.stampede.runner.demo.DemoApi;
import io.stampede.runner.run.DemoSession;
import io.stampede.runner.run.HostPort;
import io.stampede.runner.run.ReportFiles;
import io.stampede.runner.run.ReportOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

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
        HostPort bind = arguments.value("--bind", HostPort::parse);
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
        if (arguments.flag("--serve")) return DemoSession.serve(options, out, err);
        ReportOptions reports = ReportOptions.files(outDir.resolve("demo").toString(), outDir.resolve("summary.json"),
                outDir.resolve("report.html"), quiet, false, out, err);
        List<ReportFiles.Problem> problems = ReportFiles.problems(reports);
        if (!problems.isEmpty()) {
            err.println("stampede: --out " + outDir + ": " + problems.get(0).reason());
            return ExitCode.BAD_INPUT;
        }
        return DemoSession.run(options, scenario, users, duration, reports);
    }

    static String bundledScenario() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SCENARIO_RESOURCE)) {
            if (in == null) throw new IOException("the bundled demo scenario is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
