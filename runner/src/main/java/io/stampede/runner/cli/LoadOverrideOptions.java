package io.stampede.runner.cli;

import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.cli.args.UsageException;
import io.stampede.runner.scenario.compile.Overrides;

/** The flags that replace parts of the file, shared by {@code run} and {@code master}. */
final class LoadOverrideOptions {

    private LoadOverrideOptions() {
    }

    static CommandSyntax declare(CommandSyntax syntax) {
        return syntax
                .option("--host", "URL", "target base URL, replacing spec.target")
                .option("-u, " + Overrides.USERS, "N", "concurrent users, replacing the file's")
                .option("-r, " + Overrides.SPAWN_RATE, "R", "users started per second")
                .option("-t, " + Overrides.DURATION, "D", "how long: 500ms, 30s, 2m, 1h30m")
                .option(Overrides.RATE, "R[/s|/m]", "arrivals per second (or minute), replacing arrivalRate's")
                .option(Overrides.MAX_USERS, "N", "most users busy at once, replacing arrivalRate's maxUsers")
                .listOption("-T, --tags", "TAG", "run only tasks with these tags")
                .listOption("-E, --exclude-tags", "TAG", "skip tasks with these tags");
    }

    static Overrides read(Arguments arguments) throws UsageException {
        return new Overrides(arguments.text("--host"), arguments.value(Overrides.USERS, Converter.WHOLE_NUMBER),
                arguments.value(Overrides.SPAWN_RATE, Converter.NUMBER), arguments.text(Overrides.DURATION),
                arguments.list("--tags"), arguments.list("--exclude-tags"), arguments.text(Overrides.RATE),
                arguments.value(Overrides.MAX_USERS, Converter.WHOLE_NUMBER));
    }
}
