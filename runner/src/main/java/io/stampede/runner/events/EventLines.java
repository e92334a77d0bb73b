package io.stampede.runner.events;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.stampede.runner.stats.HistoryRow;
import io.stampede.runner.stats.HistorySecond;

import java.util.Locale;

/**
 * The JSON lines of {@code --events FILE}: one object per line, each with {@code type}. Pure; latencies in
 * milliseconds with three decimals, times in epoch milliseconds.
 *
 * <ul>
 *   <li>{@code request}: {@code time} (when it was counted), {@code row} (the stats row, {@code GET /api/items}),
 *       {@code status} (null when no response came), {@code latencyMs}, {@code cause} (null for a success, else
 *       what the failures table says: {@code HTTP 500}, {@code timeout}...)</li>
 *   <li>{@code second}: the history row of one completed second (what {@code _stats_history.csv} holds):
 *       {@code second} (0 = the first), {@code time}, {@code users}, {@code requests} and {@code failures} of that
 *       second, {@code rps} and {@code failuresPerSecond} over the last 10 s, that second's {@code p50Ms},
 *       {@code p95Ms}, {@code p99Ms}, the totals so far, and {@code rows} with the same per stats row</li>
 *   <li>{@code dropped}: {@code count} requests not written (see {@link RequestEventBuffer})</li>
 * </ul>
 */
public final class EventLines {

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private EventLines() {
    }

    /** Appends one request line (with its line break). */
    public static void request(StringBuilder out, long epochMillis, String row, int status, long latencyMicros,
                               String cause) {
        out.append("{\"type\":\"request\",\"time\":").append(epochMillis).append(",\"row\":");
        quoted(out, row);
        out.append(",\"status\":");
        if (status > 0) out.append(status);
        else out.append("null");
        out.append(",\"latencyMs\":");
        millis(out, latencyMicros);
        out.append(",\"cause\":");
        if (cause == null) out.append("null");
        else quoted(out, cause);
        out.append("}\n");
    }

    /** One second's line (with its line break). */
    public static String second(HistorySecond second) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"type\":\"second\",\"second\":").append(second.intervalId())
                .append(",\"time\":").append(second.endEpochMillis())
                .append(",\"users\":").append(second.users()).append(',');
        rowFields(out, second.aggregate());
        out.append(",\"rows\":[");
        for (int i = 0; i < second.rows().size(); i++) {
            HistoryRow row = second.rows().get(i);
            if (i > 0) out.append(',');
            out.append("{\"row\":");
            quoted(out, row.name());
            out.append(',');
            rowFields(out, row);
            out.append('}');
        }
        return out.append("]}\n").toString();
    }

    /** The line saying how many requests were not written. */
    public static String dropped(long epochMillis, long count) {
        return "{\"type\":\"dropped\",\"time\":" + epochMillis + ",\"count\":" + count + "}\n";
    }

    private static void rowFields(StringBuilder out, HistoryRow row) {
        out.append("\"requests\":").append(row.intervalRequests())
                .append(",\"failures\":").append(row.intervalFailures())
                .append(",\"rps\":").append(decimal(row.rps()))
                .append(",\"failuresPerSecond\":").append(decimal(row.failuresPerSecond()))
                .append(",\"p50Ms\":").append(decimal(row.intervalPercentiles().at(50)))
                .append(",\"p95Ms\":").append(decimal(row.intervalPercentiles().at(95)))
                .append(",\"p99Ms\":").append(decimal(row.intervalPercentiles().at(99)))
                .append(",\"totalRequests\":").append(row.totalRequests())
                .append(",\"totalFailures\":").append(row.totalFailures());
    }

    private static void quoted(StringBuilder out, String text) {
        out.append('"');
        ENCODER.quoteAsString(text, out);
        out.append('"');
    }

    /** Microseconds as milliseconds with three decimals, without a double's rounding noise. */
    private static void millis(StringBuilder out, long micros) {
        out.append(micros / 1000).append('.');
        long rest = micros % 1000;
        if (rest < 100) out.append('0');
        if (rest < 10) out.append('0');
        out.append(rest);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
