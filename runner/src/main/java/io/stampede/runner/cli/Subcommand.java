package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.UsageException;

import java.io.PrintWriter;

/** A subcommand of {@code stampede}: what it accepts, and what it does with that. */
interface Subcommand {

    /** Its name, options and parameters; the same object on every call. */
    CommandSyntax syntax();

    /**
     * Runs on the caller's thread with arguments parsed by {@link #syntax()} and returns an {@link ExitCode}
     * value. A {@link UsageException} (a value that does not convert, options that do not go together) is printed
     * with a hint to {@code --help} and exit code 2.
     */
    ExitCode run(Arguments arguments, PrintWriter out, PrintWriter err) throws Exception;
}
