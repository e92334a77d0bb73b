package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.cluster.link.SharedToken;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.run.HostPort;
import io.stampede.runner.run.WorkerSession;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@code stampede worker --master HOST:PORT}: runs the users a master assigns, until it says stop. */
final class WorkerCommand implements Subcommand {

    private static final CommandSyntax SYNTAX = new CommandSyntax("worker",
            "Connects to a master ('stampede master'), runs the users it assigns and sends it a heartbeat and the "
                    + "stats every second. Stops by itself when the master is gone.",
            "Exit code: 0 the run is over, 2 the token was refused or the test does not compile here, 3 the master "
                    + "could not be reached or was lost.")
            .requiredOption("--master", "HOST:PORT", "the master's address")
            .option("--token-file", "F", "the shared token (default: the " + SharedToken.ENV
                    + " environment variable)")
            .option("--connect-timeout", "D", "keep trying to reach the master for D (default: 1m)")
            .option("--name", "NAME", "how the master names this worker (default: $HOSTNAME/pid)")
            .flag("-k, " + ReportFlags.INSECURE, "accept any TLS certificate of the target")
            .option(PluginOptions.FLAG, "DIR", "the plugin jars the test's extensions come from (the master's "
                    + "--plugins, on this machine); default: the " + PluginOptions.ENV + " environment variable")
            .hint("--master-host", "use --master HOST:PORT (Locust's --master-host and --master-port in one)");

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public ExitCode run(Arguments arguments, PrintWriter out, PrintWriter err) throws Exception {
        HostPort master = arguments.value("--master", HostPort::parse);
        Path tokenFile = arguments.value("--token-file", Converter.PATH);
        Duration connectTimeout = arguments.value("--connect-timeout", Converter.DURATION,
                Duration.ofMinutes(1));
        boolean insecure = arguments.flag(ReportFlags.INSECURE);
        Optional<SharedToken> token = ClusterTokens.load(tokenFile, "worker", err);
        if (token.isEmpty()) return ExitCode.BAD_INPUT;
        Optional<Plugins> plugins = PluginOptions.load(arguments, System.getenv(), err);
        if (plugins.isEmpty()) return ExitCode.BAD_INPUT;
        return WorkerSession.run(workerName(arguments.text("--name")), master, token.get(), connectTimeout, insecure,
                plugins.get(), out, err);
    }

    private static String workerName(String name) {
        if (name != null && !name.isBlank()) return name;
        String host = System.getenv().getOrDefault("HOSTNAME", "worker");
        return host + "/" + ProcessHandle.current().pid();
    }
}
