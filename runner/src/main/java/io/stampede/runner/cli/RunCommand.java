package io.stampede.runner.cli;

import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.Overrides;
import io.stampede.runner.engine.EventLoops;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** {@code stampede run FILE}: runs a LoadTest on this machine. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a LoadTest file on this machine with a live table, then prints the results.",
                "Exit code: 0 all thresholds held, 1 a threshold was breached, 2 bad input, 3 could not run."})
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the LoadTest YAML file")
    Path file;

    @CommandLine.Mixin
    LoadOverrideOptions load = new LoadOverrideOptions();

    @CommandLine.Mixin
    ReportFlags reports = new ReportFlags();

    @Override
    public Integer call() {
        CompletableFuture<EventLoops> eventLoops = LocalRun.prepareEventLoops();
        Overrides overrides = load.toOverrides();
        Optional<TestPlan> plan = TestFiles.load(file, overrides, System.getenv(), spec.commandLine().getErr());
        if (plan.isEmpty()) {
            eventLoops.thenAccept(EventLoops::close);
            return ExitCodes.BAD_INPUT;
        }
        return LocalRun.execute(eventLoops, plan.get(), reports.toReportOptions(spec.commandLine().getOut(),
                spec.commandLine().getErr()));
    }
}
