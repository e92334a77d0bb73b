package io.stampede.operator.check;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.build.TestDocument;
import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.model.Problem;
import io.stampede.runner.model.spec.LoadTestDocument;
import io.stampede.runner.model.spec.VariableSpec;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.scenario.compile.Attachments;
import io.stampede.runner.scenario.compile.LoadTestCompiler;
import io.stampede.runner.scenario.compile.Overrides;
import io.stampede.runner.scenario.data.DataSet;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a LoadTest with the runner's own validator and compiler, on the very document the master will run, so a
 * spec the operator accepts is one the master accepts. Also checks what only a cluster can get wrong: a
 * {@code fromEnv} variable that {@code spec.env} does not set. A pure function of the LoadTest.
 */
public final class SpecValidator {

    /** Multipart files are read where the runner runs; nothing ships them to a cluster's pods yet. */
    private static final Attachments NO_UPLOADS = path -> {
        throw new IOException("a cluster run cannot upload files yet: multipart files are read on the machine "
                + "that runs the test (run it with stampede run)");
    };

    private SpecValidator() {
    }

    /** @return the problems, each with its field path ({@code spec.userClasses[0].tasks[2].request.method}); empty when valid */
    public static List<Problem> problems(LoadTest loadTest) {
        return problems(loadTest, DataSet.NONE);
    }

    /**
     * @param data the spec.data tables read from the dataFrom ConfigMaps ({@link DataFromFiles}), so that columns
     *             and rows are checked as the master will
     * @return the problems, each with its field path; empty when valid
     */
    public static List<Problem> problems(LoadTest loadTest, DataSet data) {
        LoadTestDocument document;
        try {
            document = LoadTestParser.bind(TestDocument.tree(loadTest));
        } catch (InvalidLoadTestException e) {
            return e.problems();
        }
        List<Problem> problems = new ArrayList<>(missingEnv(loadTest, document));
        if (!problems.isEmpty()) return problems;
        try {
            // The plugins are in the runner's image (or a volume), not here: any extension name is taken; the
            // runner in the pod checks them against its own plugins and exits 2 (phase Error) for an unknown one.
            LoadTestCompiler.compile(document, Overrides.none(), new AnyEnvironment(), data, NO_UPLOADS,
                    Plugins.ACCEPT_ANY);
        } catch (InvalidLoadTestException e) {
            problems.addAll(e.problems());
        }
        return problems;
    }

    /** One line for status.message: the first problems, with their paths. */
    public static String describe(List<Problem> problems) {
        StringBuilder text = new StringBuilder("invalid LoadTest: ");
        int shown = Math.min(3, problems.size());
        for (int i = 0; i < shown; i++) {
            if (i > 0) text.append("; ");
            Problem problem = problems.get(i);
            text.append(problem.path()).append(": ").append(problem.message());
        }
        if (problems.size() > shown) text.append(" (and ").append(problems.size() - shown).append(" more)");
        return text.toString();
    }

    private static List<Problem> missingEnv(LoadTest loadTest, LoadTestDocument document) {
        List<EnvVar> env = loadTest.getSpec().getEnv() == null ? List.of() : loadTest.getSpec().getEnv();
        List<Problem> problems = new ArrayList<>();
        document.spec().variables().forEach((name, variable) -> {
            if (variable instanceof VariableSpec.FromEnv fromEnv
                    && env.stream().noneMatch(e -> fromEnv.name().equals(e.getName()))) {
                problems.add(new Problem("spec.variables." + name + ".fromEnv", "the variable " + fromEnv.name()
                        + " is not set by spec.env: add {name: " + fromEnv.name()
                        + ", valueFrom: {secretKeyRef: {name: ..., key: ...}}}"));
            }
        });
        return problems;
    }

    /** Every variable reads as set: values come from the pods' env, which the operator never sees. */
    private static final class AnyEnvironment extends AbstractMap<String, String> {
        @Override
        public String get(Object key) {
            return "";
        }

        @Override
        public boolean containsKey(Object key) {
            return true;
        }

        @Override
        public Set<Map.Entry<String, String>> entrySet() {
            return Set.of();
        }
    }
}
