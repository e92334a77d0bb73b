package io.stampede.runner.report;

import java.util.List;
import java.util.Locale;

/**
 * One CSV record the way Python's {@code csv} module writes it (which is what Locust uses): fields quoted only
 * when they contain a comma, a double quote, CR or LF, quotes doubled, records ended by CRLF.
 */
final class CsvLine {

    static final String END = "\r\n";

    private CsvLine() {
    }

    static String of(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quoted(fields.get(i)));
        }
        return line.append(END).toString();
    }

    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** A non-integer column: 2 decimals. */
    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A rate in stats_history: 6 decimals, as Locust's {@code f"{x:2f}"} prints it. */
    static String rate6(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    /** A response time Locust prints as an integer: rounded to the nearest millisecond. */
    static String wholeMillis(double ms) {
        return Long.toString(Math.round(ms));
    }
}
