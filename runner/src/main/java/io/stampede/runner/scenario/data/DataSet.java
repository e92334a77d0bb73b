package io.stampede.runner.scenario.data;

import io.stampede.runner.model.Problem;

import java.util.List;
import java.util.Map;

/**
 * The tables read for a LoadTest's {@code spec.data}, by source name, and what went wrong reading the others
 * (reported with the compile's own problems, at their field paths). Immutable.
 */
public record DataSet(Map<String, DataTable> tables, List<Problem> problems) {

    /** Nothing read: for a LoadTest without {@code spec.data}. */
    public static final DataSet NONE = new DataSet(Map.of(), List.of());

    public DataSet {
        tables = Map.copyOf(tables);
        problems = List.copyOf(problems);
    }
}
