package io.stampede.runner.stats;

import java.util.List;

/**
 * The picture taken when one interval completed. It is not revised afterwards: a snapshot that arrives for
 * this interval later still counts in the run's totals and in later windows, not in this picture.
 *
 * @param intervalId     0 = the first second after the start
 * @param endEpochMillis wall-clock end of the interval
 * @param users          users at its end
 * @param rows           rows that had requests so far, sorted by name then method
 * @param aggregate      the merge of all rows
 * @param arrivals       the open model's arrivals due in this interval (see {@link ArrivalCounts})
 */
public record HistorySecond(long intervalId, long endEpochMillis, int users, List<HistoryRow> rows,
                            HistoryRow aggregate, ArrivalCounts arrivals) {

    public HistorySecond {
        rows = List.copyOf(rows);
    }

    /** A closed-model second. */
    public HistorySecond(long intervalId, long endEpochMillis, int users, List<HistoryRow> rows, HistoryRow aggregate) {
        this(intervalId, endEpochMillis, users, rows, aggregate, ArrivalCounts.NONE);
    }
}
