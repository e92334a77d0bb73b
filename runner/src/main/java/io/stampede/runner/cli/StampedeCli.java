package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.HelpText;
import io.stampede.runner.cli.args.UsageException;
import io.stampede.runner.text.DidYouMean;
import io.stampede.runner.run.Interrupts;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code stampede} command: picks the subcommand, parses its arguments, runs it. Every failure ends with a
 * one-line reason and an exit code from {@link ExitCode}; stack traces are shown only with
 * {@code STAMPEDE_DEBUG=1}.
 *
 * <p>The parser is Stampede's own ({@code cli.args}) rather than a library's: picocli, used before, took ~0.25 s of
 * one core to start (annotation proxies, a large class CDS cannot archive), a quarter of a run's time from launch
 * to its first request.
 */
public final class StampedeCli {

    static final String PROGRAM = "stampede";

    private static final CommandSyntax PROGRAM_SYNTAX = new CommandSyntax(PROGRAM,
            "Load testing as a Kubernetes resource: runs LoadTest files (stampede.io/v1alpha1).",
            "Help on a command: stampede COMMAND --help");

    /** The subcommands by name, in the order {@code stampede --help} lists them; made only when needed. */
    private static final Map<String, Supplier<Subcommand>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("run", RunCommand::new);
        COMMANDS.put("validate", ValidateCommand::new);
        COMMANDS.put("presets", PresetsCommand::new);
        COMMANDS.put("report", ReportCommand::new);
        COMMANDS.put("demo", DemoCommand::new);
        COMMANDS.put("master", MasterCommand::new);
        COMMANDS.put("worker", WorkerCommand::new);
    }

    private StampedeCli() {
    }

    public static void main(String[] args) {
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (!Interrupts.shuttingDown()) {
            System.exit(code);
        }
    }

    /**
     * Runs a command line on the caller's thread, printing to {@code out} and {@code err} (flushed before it
     * returns), and returns its exit code. Tests call this in-process.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        try {
            return dispatch(List.of(args), out, err).code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static ExitCode dispatch(List<String> args, PrintWriter out, PrintWriter err) {
        String first = args.isEmpty() ? "" : args.get(0);
        switch (first) {
            case "", "-h", "--help" -> {
                out.print(programHelp());
                return ExitCode.OK;
            }
            case "-V", "--version" -> {
                out.println(Version.text());
                return ExitCode.OK;
            }
            case "help" -> {
                return help(args.subList(1, args.size()), out, err);
            }
            default -> {
                Supplier<Subcommand> command = COMMANDS.get(first);
                if (command == null) {
                    return usageError(err, unknownCommand(first), PROGRAM);
                }
                return run(command.get(), args.subList(1, args.size()), out, err);
            }
        }
    }

    private static ExitCode run(Subcommand command, List<String> args, PrintWriter out, PrintWriter err) {
        String qualifiedName = PROGRAM + " " + command.syntax().name();
        try {
            Arguments arguments = command.syntax().parse(args);
            if (arguments.flag(CommandSyntax.HELP)) {
                out.print(HelpText.of(PROGRAM, command.syntax()));
                return ExitCode.OK;
            }
            if (arguments.flag(CommandSyntax.VERSION)) {
                out.println(Version.text());
                return ExitCode.OK;
            }
            return command.run(arguments, out, err);
        } catch (UsageException e) {
            return usageError(err, e.getMessage(), qualifiedName);
        } catch (Exception e) {
            err.println("stampede: internal error: " + e);
            if ("1".equals(System.getenv("STAMPEDE_DEBUG"))) e.printStackTrace(err);
            else err.println("(set STAMPEDE_DEBUG=1 to see where)");
            return ExitCode.COULD_NOT_RUN;
        }
    }

    /** {@code stampede help [COMMAND]}. */
    private static ExitCode help(List<String> args, PrintWriter out, PrintWriter err) {
        if (args.isEmpty()) {
            out.print(programHelp());
            return ExitCode.OK;
        }
        Supplier<Subcommand> command = COMMANDS.get(args.get(0));
        if (command == null) {
            return usageError(err, unknownCommand(args.get(0)), PROGRAM);
        }
        out.print(HelpText.of(PROGRAM, command.get().syntax()));
        return ExitCode.OK;
    }

    private static String programHelp() {
        Map<String, String> summaries = new LinkedHashMap<>();
        COMMANDS.forEach((name, command) -> summaries.put(name, command.get().syntax().description().get(0)));
        summaries.put("help", "Shows the help of a command: stampede help COMMAND.");
        return HelpText.ofProgram(PROGRAM_SYNTAX, summaries);
    }

    private static String unknownCommand(String given) {
        if (given.startsWith("-")) {
            return "unknown option: '" + given + "'" + DidYouMean.hint(given, List.of("--help", "--version"));
        }
        return "unknown command: '" + given + "'" + DidYouMean.hint(given, COMMANDS.keySet());
    }

    private static ExitCode usageError(PrintWriter err, String message, String qualifiedName) {
        err.println("stampede: " + message);
        err.println("Try '" + qualifiedName + " --help'.");
        return ExitCode.BAD_INPUT;
    }
}
