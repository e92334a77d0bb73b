package io.stampede.runner.stats;

import java.util.List;
import java.util.Optional;

/**
 * The final figures of a run: what reports, thresholds and the cluster status are made from.
 *
 * @param name             the LoadTest's name
 * @param startEpochMillis when the run started (the start of interval 0)
 * @param endEpochMillis   when it ended
 * @param durationSeconds  (end - start) / 1000, the divisor of every rate
 * @param usersPeak        the most users seen at the end of any completed interval
 * @param rows             one per stats row with requests, sorted by name then method
 * @param total            the aggregate: the merge of all rows (histograms added)
 * @param failures         by row and cause, most frequent first
 * @param arrivals         the open model's arrivals over the run ({@link ArrivalCounts#NONE} for the closed model)
 */
public record RunSummary(String name, long startEpochMillis, long endEpochMillis, double durationSeconds,
                         int usersPeak, List<RowSummary> rows, RowSummary total, List<FailureCount> failures,
                         ArrivalCounts arrivals) {

    public RunSummary {
        rows = List.copyOf(rows);
        failures = List.copyOf(failures);
    }

    /** A closed-model run. */
    public RunSummary(String name, long startEpochMillis, long endEpochMillis, double durationSeconds,
                      int usersPeak, List<RowSummary> rows, RowSummary total, List<FailureCount> failures) {
        this(name, startEpochMillis, endEpochMillis, durationSeconds, usersPeak, rows, total, failures,
                ArrivalCounts.NONE);
    }

    /** The row with this label ({@code GET /api/products/{id}}), if it had requests. */
    public Optional<RowSummary> row(String label) {
        return rows.stream().filter(row -> row.name().equals(label)).findFirst();
    }
}
