package io.stampede.runner.report;

import io.stampede.runner.stats.HistoryRow;
import io.stampede.runner.stats.HistorySecond;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The JSON summary's {@code history} section: the run second by second, in columns (one array per measure, the
 * same length), so a chart reads it directly and a 3-hour run stays a few hundred KB per row:
 * <pre>
 * {"elapsedSeconds": [1, 2, ...],     end of each second, from the run's start
 *  "users":          [...],            users at the end of that second
 *  "requests":       [...],            requests that ended in that second alone
 *  "failures":       [...],            failures, likewise
 *  "rps":            [...],            requests per second over the window ending there (Locust's "current RPS")
 *  "scheduled", "dropped", "late": [...]  open model only: arrivals due in that second, dropped, started late
 *  "p50Ms", "p95Ms", "p99Ms": [...],   percentiles of that second alone; null where it had no requests
 *  "rows": [{"name": "GET /x", "requests", "failures", "p50Ms", "p95Ms", "p99Ms"}]}
 * </pre>
 * Every column but {@code rps} is the second's own, not a cumulative or windowed figure: a one-second spike of
 * latency or failures shows in its second, neither smoothed away nor stretched over a window.
 *
 * <p>A pure function of the history. Latencies rounded to 3 decimals.
 */
public final class HistorySection {

    private HistorySection() {
    }

    /**
     * @param history          the kept seconds, oldest first
     * @param startEpochMillis the run's start (of interval 0)
     */
    public static Map<String, Object> of(List<HistorySecond> history, long startEpochMillis) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("elapsedSeconds", column(history, second -> round((second.endEpochMillis() - startEpochMillis) / 1000.0)));
        section.put("users", longs(history, second -> second.users()));
        section.put("requests", longs(history, second -> second.aggregate().intervalRequests()));
        section.put("failures", longs(history, second -> second.aggregate().intervalFailures()));
        section.put("rps", column(history, second -> round(second.aggregate().rps())));
        if (history.stream().anyMatch(second -> second.arrivals().any())) {
            section.put("scheduled", longs(history, second -> second.arrivals().scheduled()));
            section.put("dropped", longs(history, second -> second.arrivals().dropped()));
            section.put("late", longs(history, second -> second.arrivals().late()));
        }
        putPercentiles(section, history, HistorySecond::aggregate);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : rowNames(history)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("requests", longs(history, second -> {
                HistoryRow r = find(second, name);
                return r == null ? 0 : r.intervalRequests();
            }));
            row.put("failures", longs(history, second -> {
                HistoryRow r = find(second, name);
                return r == null ? 0 : r.intervalFailures();
            }));
            putPercentiles(row, history, second -> find(second, name));
            rows.add(row);
        }
        section.put("rows", rows);
        return section;
    }

    private static void putPercentiles(Map<String, Object> target, List<HistorySecond> history,
                                       Function<HistorySecond, HistoryRow> pick) {
        for (double percentile : new double[] {50, 95, 99}) {
            List<Double> values = new ArrayList<>(history.size());
            for (HistorySecond second : history) {
                HistoryRow row = pick.apply(second);
                boolean empty = row == null || row.intervalRequests() == 0;
                values.add(empty ? null : round(row.intervalPercentiles().at(percentile)));
            }
            target.put("p" + (int) percentile + "Ms", values);
        }
    }

    private static List<String> rowNames(List<HistorySecond> history) {
        List<String> names = new ArrayList<>();
        for (HistorySecond second : history) {
            for (HistoryRow row : second.rows()) {
                if (!names.contains(row.name())) names.add(row.name());
            }
        }
        names.sort(null);
        return names;
    }

    private static HistoryRow find(HistorySecond second, String name) {
        for (HistoryRow row : second.rows()) {
            if (row.name().equals(name)) return row;
        }
        return null;
    }

    private static List<Double> column(List<HistorySecond> history, ToDoubleFunction<HistorySecond> value) {
        List<Double> values = new ArrayList<>(history.size());
        history.forEach(second -> values.add(value.applyAsDouble(second)));
        return values;
    }

    private static List<Long> longs(List<HistorySecond> history, ToLongFunction<HistorySecond> value) {
        List<Long> values = new ArrayList<>(history.size());
        history.forEach(second -> values.add(value.applyAsLong(second)));
        return values;
    }

    private static double round(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue() : 0;
    }
}
