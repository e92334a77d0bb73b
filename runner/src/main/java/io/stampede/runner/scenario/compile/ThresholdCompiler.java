package io.stampede.runner.scenario.compile;

import io.stampede.runner.model.Problems;
import io.stampede.runner.model.spec.ThresholdSpec;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.Threshold;
import io.stampede.runner.stats.ThresholdParser;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses spec.thresholds and checks that each scoped one names a stats row of the file. A threshold on a row
 * whose tasks the tag filter dropped is left out of the run: the run did not ask for that row, and judging it
 * without requests would fail the run for nothing.
 */
final class ThresholdCompiler {

    private ThresholdCompiler() {
    }

    static List<Threshold> compile(List<ThresholdSpec> specs, List<RowKey> keptRows, List<RowKey> droppedRows,
                                   Problems problems) {
        List<String> kept = keptRows.stream().map(RowKey::label).toList();
        List<String> dropped = droppedRows.stream().map(RowKey::label).filter(label -> !kept.contains(label)).toList();
        List<Threshold> thresholds = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ThresholdSpec spec = specs.get(i);
            String path = "spec.thresholds[" + i + "]";
            Threshold threshold;
            try {
                threshold = ThresholdParser.parse(spec.expr(), spec.request());
            } catch (IllegalArgumentException e) {
                problems.add(path + ".expr", e.getMessage());
                continue;
            }
            String request = spec.request();
            if (request == null || kept.contains(request)) {
                thresholds.add(threshold);
            } else if (!dropped.contains(request)) {
                List<String> all = new ArrayList<>(kept);
                all.addAll(dropped);
                problems.add(path + ".request", "no stats row is labelled '" + request + "'; rows: "
                        + String.join(", ", all));
            }
        }
        return thresholds;
    }
}
