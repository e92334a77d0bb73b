package io.stampede.runner.stats;

import java.util.List;

/**
 * What the console shows while a run goes: an immutable picture taken by {@link StatsAggregator#liveView()}.
 *
 * @param users         users at the end of the latest completed interval (0 before the first)
 * @param elapsedMillis from the start to the end of the latest completed interval
 * @param rows          rows with requests, sorted by name then method
 * @param aggregate     the merge of all rows
 * @param arrivals      the open model's arrivals so far ({@link ArrivalCounts#NONE} for the closed model)
 */
public record LiveView(int users, long elapsedMillis, List<LiveRow> rows, LiveRow aggregate, ArrivalCounts arrivals) {

    public LiveView {
        rows = List.copyOf(rows);
    }

    /** A closed-model picture. */
    public LiveView(int users, long elapsedMillis, List<LiveRow> rows, LiveRow aggregate) {
        this(users, elapsedMillis, rows, aggregate, ArrivalCounts.NONE);
    }
}
