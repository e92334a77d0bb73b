package io.stampede.runner.stats;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-row stats plus their aggregate over some span (an interval, a window, the whole run).
 * Every add goes into its row and into the aggregate, so the aggregate is always the merge of all rows.
 *
 * <p>Threading: not thread safe; owned by the {@link StatsAggregator}, which guards it.
 */
final class RowTable {

    /** The order rows are shown in everywhere: by name, then method, as Locust sorts its stats. */
    static final Comparator<RowKey> ROW_ORDER = Comparator.comparing(RowKey::name).thenComparing(RowKey::method);

    private final Map<RowKey, RowStats> rows = new HashMap<>();
    private final RowStats aggregate = new RowStats();

    void add(RowKey row, RowStats stats) {
        rows.computeIfAbsent(row, key -> new RowStats()).add(stats);
        aggregate.add(stats);
    }

    void add(Map<RowKey, RowStats> stats) {
        stats.forEach(this::add);
    }

    void add(RowTable other) {
        other.rows.forEach(this::add);
    }

    RowStats aggregate() {
        return aggregate;
    }

    /** The row's stats, or null if it has none in this span. */
    RowStats row(RowKey row) {
        return rows.get(row);
    }

    List<RowKey> sortedRows() {
        return rows.keySet().stream().sorted(ROW_ORDER).toList();
    }
}
