package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.cli.args.UsageException;
import io.stampede.runner.run.RunBanner;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.run.TestFiles;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.Overrides;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** {@code stampede validate FILE}: checks a file without sending anything. */
final class ValidateCommand implements Subcommand {

    private static final CommandSyntax SYNTAX = new CommandSyntax("validate",
            "Checks LoadTest files and prints every problem with its field path; sends nothing.",
            "Environment variables the file reads (fromEnv) must be set, as for run (any value will do).",
            "Exit code: 0 valid, 2 invalid.")
            .parameters("FILE", "LoadTest YAML files")
            .option(Overrides.PRESET, "NAME", "check and describe the files as run with this preset")
            .option(PluginOptions.FLAG, "DIR", "the plugin jars the files' extensions come from (as for run); "
                    + "default: the " + PluginOptions.ENV + " environment variable, if set");

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public ExitCode run(Arguments arguments, PrintWriter out, PrintWriter err) throws UsageException {
        ExitCode code = ExitCode.OK;
        String preset = arguments.text(Overrides.PRESET);
        Overrides overrides = preset == null ? Overrides.none()
                : new Overrides(null, null, null, null, null, null, null, null, preset);
        Optional<Plugins> plugins = PluginOptions.load(arguments, System.getenv(), err);
        if (plugins.isEmpty()) {
            return ExitCode.BAD_INPUT;
        }
        if (!plugins.get().isEmpty()) {
            out.println("Plugins: " + String.join("; ", plugins.get().describe()));
        }
        for (Path file : arguments.parameterValues("FILE", Converter.PATH)) {
            Optional<TestPlan> plan = TestFiles.load(file, overrides, System.getenv(), plugins.get(), err);
            if (plan.isPresent()) {
                TestPlan p = plan.get();
                out.println(file + ": valid LoadTest '" + p.scenario().name() + "': "
                        + count(p.scenario().userClasses().size(), "user class", "user classes") + ", "
                        + count(p.scenario().rows().size(), "request row", "request rows") + ", "
                        + count(p.thresholds().size(), "threshold", "thresholds") + "; " + RunBanner.loadText(p));
                RunBanner.detailLines(p).forEach(line -> out.println("  " + line));
            } else {
                code = ExitCode.BAD_INPUT;
            }
        }
        return code;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
