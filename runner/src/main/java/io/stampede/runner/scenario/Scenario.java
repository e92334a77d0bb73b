package io.stampede.runner.scenario;

import io.stampede.runner.scenario.data.DataTable;
import io.stampede.runner.stats.RowKey;

import java.net.URI;
import java.util.List;

/**
 * The validated, compiled scenario: everything the engine needs about what users do.
 *
 * @param name        the LoadTest's metadata.name
 * @param target      base URL (scheme http or https, host, optional port); request paths are relative to it
 * @param userClasses at least one class with at least one task
 * @param rows        every stats row any step can record into, indexed by {@link RequestPlan#row()}
 * @param data        the spec.data sources users draw rows from, indexed as templates read them
 * @param cookies     each virtual user keeps a cookie jar (spec.defaults.cookies)
 */
public record Scenario(String name, URI target, List<UserClassPlan> userClasses, List<RowKey> rows,
                       List<DataTable> data, boolean cookies) {

    public Scenario {
        data = List.copyOf(data);
    }

    /** The row that counts the redirects followed after a request of {@code row}: "GET /login (redirects)". */
    public static RowKey hopRowKey(RowKey row) {
        return new RowKey(row.method(), row.name() + " (redirects)");
    }

    /** Index, in {@link #recordedRows()}, of the row counting the redirect hops of {@code row}. */
    public int hopRowOf(int row) {
        return rows.size() + row;
    }

    /**
     * The rows the engine records into: {@link #rows()}, then one row per row for the redirects its requests
     * followed (each hop is a request the server received, so the aggregate equals the server's count). A row no
     * request reaches is left out of every report.
     */
    public List<RowKey> recordedRows() {
        List<RowKey> all = new java.util.ArrayList<>(rows);
        rows.forEach(row -> all.add(hopRowKey(row)));
        return List.copyOf(all);
    }
}
