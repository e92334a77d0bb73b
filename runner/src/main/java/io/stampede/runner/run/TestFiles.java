package io.stampede.runner.run;

import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.model.Problem;
import io.stampede.runner.model.spec.LoadTestDocument;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.Attachments;
import io.stampede.runner.scenario.compile.LoadTestCompiler;
import io.stampede.runner.scenario.compile.Overrides;
import io.stampede.runner.scenario.data.DataSet;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Loads a LoadTest file into a plan, or prints every problem with its field path. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * A file's one document as a tree and its spec.data tables (what a master sends its workers), and the plan
     * compiled from them.
     */
    public record Loaded(JsonNode tree, TestPlan plan, DataSet data) {
    }

    /** The compiled plan, or empty after printing the problems to {@code err}. */
    public static Optional<TestPlan> load(Path file, Overrides overrides, Map<String, String> env, PrintWriter err) {
        return load(file, overrides, env, Plugins.NONE, err);
    }

    /** The compiled plan with these plugins, or empty after printing the problems to {@code err}. */
    public static Optional<TestPlan> load(Path file, Overrides overrides, Map<String, String> env, Plugins plugins,
                                          PrintWriter err) {
        return loadWithTree(file, overrides, env, plugins, err).map(Loaded::plan);
    }

    /** The file's tree and compiled plan, read once, or empty after printing the problems to {@code err}. */
    public static Optional<Loaded> loadWithTree(Path file, Overrides overrides, Map<String, String> env, PrintWriter err) {
        return loadWithTree(file, overrides, env, Plugins.NONE, err);
    }

    /** As {@link #loadWithTree(Path, Overrides, Map, PrintWriter)}, the file naming extensions of these plugins. */
    public static Optional<Loaded> loadWithTree(Path file, Overrides overrides, Map<String, String> env,
                                                Plugins plugins, PrintWriter err) {
        try {
            JsonNode tree = LoadTestParser.document(file);
            LoadTestDocument document = LoadTestParser.bind(tree);
            Path dir = file.toAbsolutePath().getParent();
            DataSet data = DataFiles.read(document.spec().data(), dir);
            return Optional.of(new Loaded(tree, LoadTestCompiler.compile(document, overrides, env, data,
                    Attachments.relativeTo(dir), plugins), data));
        } catch (InvalidLoadTestException e) {
            printProblems(file, e, err);
            return Optional.empty();
        }
    }

    public static void printProblems(Path file, InvalidLoadTestException e, PrintWriter err) {
        int count = e.problems().size();
        err.println("stampede: " + file + " is not a valid LoadTest (" + count + (count == 1 ? " problem" : " problems")
                + "):");
        for (Problem problem : e.problems()) {
            err.println("  " + problem);
        }
    }
}
