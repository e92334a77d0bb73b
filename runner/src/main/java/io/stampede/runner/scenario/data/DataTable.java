package io.stampede.runner.scenario.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.stampede.runner.model.spec.DataPick;

import java.util.List;

/**
 * The rows of one {@code spec.data} source, read and checked: every row has one value per column. Immutable;
 * travels as itself from a master to its workers (JSON), so a worker needs no data files.
 *
 * @param name    the source's name, as in {@code ${name.column}}
 * @param pick    how users draw rows
 * @param columns column names, unique, in file order
 * @param rows    at least one row, each with exactly {@code columns.size()} values
 */
public record DataTable(String name, DataPick pick, List<String> columns, List<List<String>> rows) {

    public DataTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + name + " has " + row.size() + " values for "
                        + columns.size() + " columns");
            }
        }
    }

    /** The column's index, or -1 when there is none of that name. */
    public int column(String column) {
        return columns.indexOf(column);
    }

    @JsonIgnore
    public int size() {
        return rows.size();
    }

    /** The value at {@code row} (0..size-1) and {@code column} (0..columns-1). */
    public String value(int row, int column) {
        return rows.get(row).get(column);
    }
}
