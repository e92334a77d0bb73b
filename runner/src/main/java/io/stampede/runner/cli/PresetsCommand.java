package io.stampede.runner.cli;

import io.stampede.runner.ExitCode;
import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.scenario.WaitPlan;
import io.stampede.runner.scenario.compile.Preset;
import io.stampede.runner.stats.HumanFormat;

import java.io.PrintWriter;

/** {@code stampede presets}: what each {@code load.preset} does. */
final class PresetsCommand implements Subcommand {

    private static final CommandSyntax SYNTAX = new CommandSyntax("presets",
            "Lists the load presets (spec.load.preset) and what each one sets.");

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public ExitCode run(Arguments arguments, PrintWriter out, PrintWriter err) {
        out.printf("%-10s %6s %12s %9s  %s%n", "PRESET", "USERS", "SPAWN RATE", "DURATION", "NOTES");
        for (Preset preset : Preset.values()) {
            String rate = Double.isInfinite(preset.spawnRatePerSecond()) ? "all at once"
                    : HumanFormat.rate(preset.spawnRatePerSecond());
            String notes = preset.waitOverride() == null ? "" : "think time becomes " + describe(preset);
            out.printf("%-10s %6d %12s %9s  %s%n", preset.presetName(), preset.users(), rate,
                    HumanFormat.millis(preset.durationMillis()), notes);
        }
        out.printf("%-10s %6s %12s %9s  %s%n", Preset.STRESS, "50-500", HumanFormat.rate(Preset.STRESS_SPAWN_RATE),
                "to break", "+50 users every 1m until a step breaks a threshold (load.stress)");
        out.println();
        out.println("Fields written in spec.load override the preset's; so do --users, --spawn-rate and --duration.");
        out.println("Every preset is a closed model (users that wait for their answers); for the open model, write "
                + "spec.load.arrivalRate instead of a preset.");
        return ExitCode.OK;
    }

    private static String describe(Preset preset) {
        if (preset.waitOverride() instanceof WaitPlan.Between between) {
            return "between " + HumanFormat.millis(between.minMillis()) + " and " + HumanFormat.millis(between.maxMillis());
        }
        return preset.waitOverride().toString();
    }
}
