package io.stampede.runner.cli.args;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandSyntaxTest {

    private static CommandSyntax run() {
        return new CommandSyntax("run", "Runs a file.")
                .parameter("FILE", "the file")
                .option("-u, --users", "N", "users")
                .option("--host", "URL", "target")
                .listOption("-T, --tags", "TAG", "tags")
                .flag("-q, --quiet", "quiet")
                .flag("-k, --insecure", "insecure");
    }

    private static Arguments parse(String line) throws UsageException {
        return run().parse(line.isEmpty() ? List.of() : Arrays.asList(line.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            f.yaml -u 5           | 5
            f.yaml --users 5      | 5
            f.yaml --users=5      | 5
            f.yaml -u5            | 5
            f.yaml -u=5           | 5
            -u 5 f.yaml           | 5
            f.yaml --users -5     | -5
            """)
    void readsAnOptionsValueInEveryUsualSpelling(String line, int users) throws UsageException {
        Arguments arguments = parse(line);

        assertThat(arguments.value("--users", Converter.WHOLE_NUMBER)).isEqualTo(users);
        assertThat(arguments.value("-u", Converter.WHOLE_NUMBER)).as("either name finds it").isEqualTo(users);
        assertThat(arguments.parameter("FILE", Converter.PATH)).isEqualTo(Path.of("f.yaml"));
    }

    @Test
    void readsFlagsAloneAndClustered() throws UsageException {
        assertThat(parse("f.yaml -qk").flag("--quiet")).isTrue();
        assertThat(parse("f.yaml -qk").flag("--insecure")).isTrue();
        assertThat(parse("f.yaml --quiet").flag("--insecure")).isFalse();
    }

    @Test
    void splitsListOptionsAtCommasAndKeepsRepeats() throws UsageException {
        assertThat(parse("f.yaml -T a,b --tags c").list("--tags")).containsExactly("a", "b", "c");
        assertThat(parse("f.yaml").list("--tags")).as("absent, not empty").isNull();
    }

    @Test
    void takesWhatFollowsTwoDashesAsParameters() throws UsageException {
        assertThat(parse("-- -odd-name.yaml").parameter("FILE", Converter.PATH)).isEqualTo(Path.of("-odd-name.yaml"));
    }

    @Test
    void absentOptionsGiveTheFallback() throws UsageException {
        Arguments arguments = parse("f.yaml");

        assertThat(arguments.value("--users", Converter.WHOLE_NUMBER)).isNull();
        assertThat(arguments.value("--users", Converter.WHOLE_NUMBER, 7)).isEqualTo(7);
        assertThat(arguments.text("--host")).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            f.yaml --no-such-flag       | unknown option: '--no-such-flag'
            f.yaml -x                   | unknown option: '-x'
            f.yaml --user 5             | unknown option: '--user' (did you mean '--users'?)
            f.yaml -qx                  | unknown option: '-qx'
            f.yaml -qu                  | option '-u' needs a value; give it on its own: -u N
            f.yaml --users              | option '--users' needs a value (N)
            f.yaml -u 1 --users 2       | option '--users' is given more than once
            f.yaml --quiet=yes          | option '--quiet' takes no value
            ''                          | missing required parameter: 'FILE'
            a.yaml b.yaml               | unexpected argument: 'b.yaml'
            """)
    void refusesWhatItCannotReadNamingTheOption(String line, String message) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(UsageException.class).hasMessage(message);
    }

    @Test
    void namesTheOptionAndTheTextWhenAValueDoesNotConvert() throws UsageException {
        Arguments arguments = parse("f.yaml --users ten");

        assertThatThrownBy(() -> arguments.value("--users", Converter.WHOLE_NUMBER))
                .hasMessage("invalid value for option '--users': expected a whole number, got 'ten'");
    }

    @Test
    void checksRequiredOptionsUnlessHelpIsAsked() throws UsageException {
        CommandSyntax worker = new CommandSyntax("worker", "Works.").requiredOption("--master", "HOST:PORT", "where");

        assertThatThrownBy(() -> worker.parse(List.of()))
                .hasMessage("missing required option: '--master=HOST:PORT'");
        assertThat(worker.parse(List.of("--help")).flag(CommandSyntax.HELP)).isTrue();
        assertThat(worker.parse(List.of("-V")).flag(CommandSyntax.VERSION)).isTrue();
    }

    @Test
    void takesOneOrMoreValuesForAManyParameter() throws UsageException {
        CommandSyntax validate = new CommandSyntax("validate", "Checks.").parameters("FILE", "files");

        assertThat(validate.parse(List.of("a.yaml", "b.yaml")).parameterValues("FILE", Converter.PATH))
                .containsExactly(Path.of("a.yaml"), Path.of("b.yaml"));
        assertThatThrownBy(() -> validate.parse(List.of())).hasMessage("missing required parameter: 'FILE'");
    }

    @Test
    void refusesAnOptionDeclaredTwice() {
        assertThatThrownBy(() -> new CommandSyntax("x", "X.").flag("-q, --quiet", "a").flag("--quiet", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandSyntax("x", "X.").flag("-h", "clashes with --help"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
