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
 */
public record Scenario(String name, URI target, List<UserClassPlan> userClasses, List<RowKey> rows,
                       List<DataTable> data) {

    public Scenario {
        data = List.copyOf(data);
    }

    /** A scenario without data sources. */
    public Scenario(String name, URI target, List<UserClassPlan> userClasses, List<RowKey> rows) {
        this(name, target, userClasses, rows, List.of());
    }
}
