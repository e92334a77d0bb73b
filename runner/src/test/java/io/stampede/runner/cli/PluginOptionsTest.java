package io.stampede.runner.cli;

import io.stampede.runner.cli.args.Arguments;
import io.stampede.runner.cli.args.CommandSyntax;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.testing.SamplePlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the plugins come from: {@code --plugins DIR}, else {@code STAMPEDE_PLUGINS} (what a runner image with
 * plugins baked in sets), else none; a bad directory from either is refused, naming where it came from.
 */
class PluginOptionsTest {

    private static final CommandSyntax SYNTAX = PluginOptions.declare(new CommandSyntax("run", "test", "test"));

    @TempDir
    Path dir;

    @Test
    void theEnvironmentVariableNamesTheDirectoryWhenTheFlagIsNotGiven() throws Exception {
        Path plugins = dir.resolve("image-plugins");
        SamplePlugins.sample(plugins);

        Optional<Plugins> loaded = load(Map.of(PluginOptions.ENV, plugins.toString()), new StringWriter());

        assertThat(loaded).isPresent();
        assertThat(loaded.get().signer("tag")).isNotNull();
    }

    @Test
    void theFlagWinsOverTheEnvironmentAndNeitherMeansNoPlugins() throws Exception {
        Path plugins = dir.resolve("flag-plugins");
        SamplePlugins.sample(plugins);
        StringWriter err = new StringWriter();

        Optional<Plugins> flag = load(Map.of(PluginOptions.ENV, dir.resolve("absent").toString()), err,
                "--plugins", plugins.toString());
        Optional<Plugins> none = load(Map.of(), err);

        assertThat(flag.map(p -> p.check("hasWord"))).as(err.toString()).isPresent();
        assertThat(none).contains(Plugins.NONE);
    }

    @Test
    void aBadDirectoryFromTheEnvironmentIsRefusedNamingTheVariable() throws Exception {
        StringWriter err = new StringWriter();

        Optional<Plugins> loaded = load(Map.of(PluginOptions.ENV, dir.resolve("absent").toString()), err);

        assertThat(loaded).isEmpty();
        assertThat(err.toString()).startsWith("stampede: STAMPEDE_PLUGINS " + dir.resolve("absent")
                + ": no such directory");
    }

    private static Optional<Plugins> load(Map<String, String> env, StringWriter err, String... args)
            throws Exception {
        Arguments arguments = SYNTAX.parse(java.util.List.of(args));
        return PluginOptions.load(arguments, env, new PrintWriter(err, true));
    }
}
