package io.stampede.runner.scenario.compile;

import io.stampede.runner.load.LoadPlan;
import io.stampede.runner.model.FieldNames;
import io.stampede.runner.model.Problem;
import io.stampede.runner.model.Problems;
import io.stampede.runner.model.spec.DataPick;
import io.stampede.runner.model.spec.DataSpec;
import io.stampede.runner.scenario.data.DataSet;
import io.stampede.runner.scenario.data.DataTable;
import io.stampede.runner.scenario.template.TemplateScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Matches spec.data with the tables read for it: what templates may read, and the tables the engine draws from.
 * A source whose file was not read is a problem (the reader's own, or "not read"); a source named like a variable
 * or built-in is one; so is {@code pick: unique} with fewer rows than the plan's peak of users (each user needs a
 * row of its own).
 */
final class DataSources {

    /** @param columns for templates; @param tables for the engine, both by source index (tables only when read) */
    record Resolved(List<TemplateScope.DataColumns> columns, List<DataTable> tables) {
    }

    private DataSources() {
    }

    /** @param load the resolved load plan, or null when it has problems of its own */
    static Resolved resolve(Map<String, DataSpec> sources, DataSet read, Map<String, String> constants,
                            LoadPlan load, Problems problems) {
        read.problems().forEach(problem -> problems.add(problem.path(), problem.message()));
        List<TemplateScope.DataColumns> columns = new ArrayList<>();
        List<DataTable> tables = new ArrayList<>();
        sources.forEach((name, source) -> {
            String path = FieldNames.child("spec.data", name);
            if (constants.containsKey(name) || TemplateScope.builtInNames().contains(name)) {
                problems.add(path, "'" + name + "' is already a variable; give the data source another name");
            }
            DataTable table = read.tables().get(name);
            if (table == null) {
                if (read.problems().stream().map(Problem::path).noneMatch(p -> p.startsWith(path + "."))) {
                    problems.add(path + "." + source.fileField(), "the data file was not read");
                }
                columns.add(new TemplateScope.DataColumns(name, null));
                return;
            }
            table = new DataTable(name, source.pick(), table.columns(), table.rows());
            columns.add(new TemplateScope.DataColumns(name, table.columns()));
            tables.add(table);
            if (source.pick() == DataPick.UNIQUE && load != null && table.size() < load.peakUsers()) {
                problems.add(path + ".pick", "unique gives each user a row of its own: the load runs up to "
                        + load.peakUsers() + " users at once, " + source.file() + " has " + table.size()
                        + (table.size() == 1 ? " row" : " rows") + " (add rows, lower the users, or pick "
                        + "sequential or random)");
            }
        });
        return new Resolved(columns, tables);
    }
}
