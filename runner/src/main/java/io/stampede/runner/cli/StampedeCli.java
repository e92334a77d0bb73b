package io.stampede.runner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code stampede} command. Every failure ends with a one-line reason and an exit code from
 * {@link ExitCodes}; stack traces are shown only with {@code STAMPEDE_DEBUG=1}.
 */
@Command(name = "stampede", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Load testing as a Kubernetes resource: runs LoadTest files (stampede.io/v1alpha1).",
        subcommands = {RunCommand.class, ValidateCommand.class, PresetsCommand.class, DemoCommand.class,
                MasterCommand.class, WorkerCommand.class,
                CommandLine.HelpCommand.class})
public final class StampedeCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (!Interrupts.shuttingDown()) {
            System.exit(code);
        }
    }

    /** The command line with Stampede's error handling; for tests, which call {@code execute} on it. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new StampedeCli());
        cli.setExitCodeExceptionMapper(error -> ExitCodes.COULD_NOT_RUN);
        cli.setParameterExceptionHandler((error, args) -> {
            PrintWriter err = error.getCommandLine().getErr();
            err.println("stampede: " + error.getMessage());
            err.println("Try '" + error.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            commandLine.getErr().println("stampede: internal error: " + error);
            if ("1".equals(System.getenv("STAMPEDE_DEBUG"))) error.printStackTrace(commandLine.getErr());
            else commandLine.getErr().println("(set STAMPEDE_DEBUG=1 to see where)");
            return ExitCodes.COULD_NOT_RUN;
        });
        return cli;
    }
}
