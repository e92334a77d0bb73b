package io.stampede.runner.cli;

import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.cli.args.UsageException;
import io.stampede.runner.plugin.PluginLoadException;
import io.stampede.runner.plugin.PluginLoader;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.scenario.template.TemplateCompiler;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --plugins DIR} of run, validate, master and worker: the plugin jars to load (docs/extending.md). Without
 * the flag, the {@value #ENV} environment variable names the directory (a runner image with plugins baked in sets
 * it); with neither, no plugin is loaded. Either way a bad directory is bad input (exit 2), never skipped.
 */
final class PluginOptions {

    static final String FLAG = "--plugins";
    static final String ENV = "STAMPEDE_PLUGINS";

    private PluginOptions() {
    }

    static CommandSyntax declare(CommandSyntax syntax) {
        return syntax.option(FLAG, "DIR", "load the plugin jars in DIR (template functions, request signers, "
                + "checks; docs/extending.md); default: the " + ENV + " environment variable, if set");
    }

    /** The plugins, or empty after printing why they cannot be loaded. */
    static Optional<Plugins> load(Arguments arguments, Map<String, String> env, PrintWriter err) throws UsageException {
        Path dir = arguments.value(FLAG, Converter.PATH);
        String origin = FLAG;
        if (dir == null) {
            String fromEnv = env.get(ENV);
            if (fromEnv == null || fromEnv.isBlank()) {
                return Optional.of(Plugins.NONE);
            }
            dir = Path.of(fromEnv);
            origin = ENV;
        }
        try {
            return Optional.of(PluginLoader.load(dir, origin, TemplateCompiler.builtInFunctions()));
        } catch (PluginLoadException e) {
            err.println("stampede: " + e.getMessage());
            return Optional.empty();
        }
    }
}
