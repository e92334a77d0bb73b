package io.stampede.runner.cli.args;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTextTest {

    @Test
    void listsTheUsageDescriptionParametersAndOptionsInDeclaredOrder() {
        CommandSyntax master = new CommandSyntax("master", "Runs a LoadTest on workers.", "Exit code: 0 passed.")
                .parameter("FILE", "the LoadTest YAML file")
                .requiredOption("--expect-workers", "N", "start when N workers are ready")
                .option("-u, --users", "N", "concurrent users")
                .listOption("-E, --exclude-tags", "TAG", "skip tasks with these tags")
                .flag("-q, --quiet", "no live table");

        assertThat(HelpText.of("stampede", master)).isEqualTo("""
                Usage: stampede master --expect-workers=N [OPTIONS] FILE
                Runs a LoadTest on workers.
                Exit code: 0 passed.
                      FILE                the LoadTest YAML file
                      --expect-workers=N  start when N workers are ready
                  -u, --users=N           concurrent users
                  -E, --exclude-tags=TAG[,TAG...]
                                          skip tasks with these tags
                  -q, --quiet             no live table
                  -h, --help              Show this help message and exit.
                  -V, --version           Print version information and exit.
                """);
    }

    @Test
    void wrapsLongTextsAtEightyColumnsUnderTheirColumn() {
        CommandSyntax demo = new CommandSyntax("demo", "Demo.").option("--bind", "HOST:PORT",
                "address and port to listen on instead of 127.0.0.1 (in a container: 0.0.0.0:8080), for pods");

        String help = HelpText.of("stampede", demo);

        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(help).contains("      --bind=HOST:PORT  address and port to listen on instead of 127.0.0.1 (in a\n"
                + "                          container: 0.0.0.0:8080), for pods\n");
    }

    @Test
    void listsTheCommandsWithTheirSummaries() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("run", "Runs a file.");
        commands.put("validate", "Checks files.");

        assertThat(HelpText.ofProgram(new CommandSyntax("stampede", "Load testing."), commands)).isEqualTo("""
                Usage: stampede [-hV] COMMAND
                Load testing.
                  -h, --help     Show this help message and exit.
                  -V, --version  Print version information and exit.
                Commands:
                  run       Runs a file.
                  validate  Checks files.
                """);
    }
}
