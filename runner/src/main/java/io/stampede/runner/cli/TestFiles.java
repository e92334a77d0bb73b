package io.stampede.runner.cli;

import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.model.Problem;
import io.stampede.runner.model.spec.LoadTestDocument;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.LoadTestCompiler;
import io.stampede.runner.scenario.compile.Overrides;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Loads a LoadTest file into a plan, or prints every problem with its field path. */
final class TestFiles {

    private TestFiles() {
    }

    /** The compiled plan, or empty after printing the problems to {@code err}. */
    static Optional<TestPlan> load(Path file, Overrides overrides, Map<String, String> env, PrintWriter err) {
        try {
            LoadTestDocument document = LoadTestParser.parse(file);
            return Optional.of(LoadTestCompiler.compile(document, overrides, env));
        } catch (InvalidLoadTestException e) {
            printProblems(file, e, err);
            return Optional.empty();
        }
    }

    static void printProblems(Path file, InvalidLoadTestException e, PrintWriter err) {
        int count = e.problems().size();
        err.println("stampede: " + file + " is not a valid LoadTest (" + count + (count == 1 ? " problem" : " problems")
                + "):");
        for (Problem problem : e.problems()) {
            err.println("  " + problem);
        }
    }
}
