package io.stampede.runner.cli;

import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.Overrides;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code stampede validate FILE}: checks a file without sending anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks LoadTest files and prints every problem with its field path; sends nothing.",
                "Environment variables the file reads (fromEnv) need not be set: they are listed as a note.",
                "Exit code: 0 valid, 2 invalid."})
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "LoadTest YAML files")
    java.util.List<Path> files;

    @Override
    public Integer call() {
        int code = ExitCodes.OK;
        for (Path file : files) {
            LenientEnvironment env = new LenientEnvironment(System.getenv());
            Optional<TestPlan> plan = TestFiles.load(file, Overrides.none(), env, spec.commandLine().getErr());
            if (plan.isPresent()) {
                TestPlan p = plan.get();
                spec.commandLine().getOut().println(file + ": valid LoadTest '" + p.scenario().name() + "': "
                        + p.scenario().userClasses().size() + " user classes, " + p.scenario().rows().size()
                        + " request rows, " + p.thresholds().size() + " thresholds; " + RunBanner.loadText(p));
                if (!env.missing().isEmpty()) {
                    spec.commandLine().getOut().println("  note: not set here, needed by 'stampede run': "
                            + String.join(", ", env.missing()));
                }
            } else {
                code = ExitCodes.BAD_INPUT;
            }
        }
        return code;
    }
}
