package io.stampede.runner.scenario.compile;

import io.stampede.runner.stats.RowKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Assigns each distinct stats row an index, in order of first use. Not thread safe: one per compile. */
final class RowIndex {

    private final List<RowKey> rows = new ArrayList<>();
    private final Map<RowKey, Integer> indexes = new HashMap<>();

    int indexOf(RowKey row) {
        return indexes.computeIfAbsent(row, key -> {
            rows.add(key);
            return rows.size() - 1;
        });
    }

    List<RowKey> rows() {
        return List.copyOf(rows);
    }
}
