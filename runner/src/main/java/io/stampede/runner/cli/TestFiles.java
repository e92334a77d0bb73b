package io.stampede.runner.cli;

import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.model.Problem;
import io.stampede.runner.model.spec.LoadTestDocument;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.LoadTestCompiler;
import io.stampede.runner.scenario.compile.Overrides;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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

    /**
     * The file as a JSON tree, to send to workers: JSON for a {@code .json} file, else YAML, as {@link #load}
     * reads it. Call after {@link #load} accepted the file.
     */
    static JsonNode tree(Path file) throws IOException {
        boolean json = file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = json ? new ObjectMapper() : new YAMLMapper();
        return mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
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
