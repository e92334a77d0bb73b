package io.stampede.runner.model;

import io.stampede.runner.scenario.compile.LoadTestCompiler;
import io.stampede.runner.scenario.compile.Overrides;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the text, loading ends in a plan or in problems that each name where they are: never another
 * exception. Inputs: any text, and the contract's example file with random edits (most of them still YAML, so
 * the binder and compiler see broken LoadTests, not only broken YAML).
 */
class LoadTestParserProperties {

    private static final String EXAMPLE = read();
    /** Characters that YAML and the LoadTest format care about, plus some that they refuse. */
    private static final String NOISE = " \t\n:-[]{},'\"&*!|>#%@`?$()/\\0123456789abcxyz\u0000\u0007\r\u00e9\u2028\ud83d\ude00";

    private static String read() {
        try {
            return Files.readString(LoadTestParserTest.EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 150)
    void anyTextLoadsOrSaysWhereItIsWrong(@ForAll("anyText") String text) {
        loadsOrNamesEveryProblem(text);
    }

    @Property(tries = 150)
    void anEditedExampleLoadsOrSaysWhereItIsWrong(@ForAll("editedExample") String text) {
        loadsOrNamesEveryProblem(text);
    }

    private static void loadsOrNamesEveryProblem(String text) {
        try {
            LoadTestCompiler.compile(LoadTestParser.parse(text), Overrides.none(), Map.of("SHOP_PASSWORD", "pw"));
        } catch (InvalidLoadTestException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(problem -> {
                assertThat(problem.path()).isNotBlank();
                assertThat(problem.message()).isNotBlank();
            });
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars(NOISE.toCharArray()).ofMaxLength(300));
    }

    @Provide
    Arbitrary<String> editedExample() {
        Arbitrary<Edit> edit = Combinators.combine(
                Arbitraries.integers().between(0, EXAMPLE.length()),
                Arbitraries.integers().between(0, 40),
                Arbitraries.strings().withChars(NOISE.toCharArray()).ofMaxLength(12)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4).map(LoadTestParserProperties::apply);
    }

    /** Replaces {@code removed} characters at {@code at} by {@code inserted}. */
    record Edit(int at, int removed, String inserted) {
    }

    private static String apply(List<Edit> edits) {
        StringBuilder text = new StringBuilder(EXAMPLE);
        for (Edit edit : edits) {
            int at = Math.min(edit.at(), text.length());
            text.replace(at, Math.min(text.length(), at + edit.removed()), edit.inserted());
        }
        return text.toString();
    }
}
