package io.stampede.runner.cluster.worker;

import io.stampede.runner.cluster.protocol.MasterMessage;
import io.stampede.runner.model.InvalidLoadTestException;
import io.stampede.runner.model.LoadTestParser;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.scenario.TestPlan;
import io.stampede.runner.scenario.compile.Attachments;
import io.stampede.runner.scenario.compile.LoadTestCompiler;
import io.stampede.runner.scenario.data.DataSet;
import io.stampede.runner.scenario.data.DataTable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How a worker gets its plan from the master's welcome. */
@FunctionalInterface
public interface PlanSource {

    TestPlan load(MasterMessage.Welcome welcome) throws InvalidLoadTestException;

    /**
     * A remote worker: compiles the LoadTest the master sent with the master's overrides and its own environment;
     * files it names (multipart uploads) are read relative to the worker's working directory.
     */
    static PlanSource compiling(Map<String, String> env) {
        return compiling(env, Plugins.NONE);
    }

    /** As {@link #compiling(Map)}, with the worker's own plugins (its {@code --plugins}). */
    static PlanSource compiling(Map<String, String> env, Plugins plugins) {
        return welcome -> LoadTestCompiler.compile(LoadTestParser.bind(welcome.loadTest()),
                welcome.overrides().toOverrides(), env, new DataSet(welcome.data().stream()
                        .collect(Collectors.toMap(DataTable::name, table -> table)), List.of()),
                Attachments.relativeTo(Path.of("")), plugins);
    }

    /** An in-process worker: the plan the master compiled. */
    static PlanSource given(TestPlan plan) {
        return welcome -> plan;
    }
}
