package io.stampede.runner.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as LoadTest files write them: one or more number-unit pairs from the largest unit down, such as
 * {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h30m} or {@code 1.5s}. Units: {@code ms s m h}. A bare number
 * is rejected on purpose: {@code 30} could mean seconds or milliseconds, so the file must say which.
 */
public final class Durations {

    /** The message used for every malformed duration, so that users see one consistent hint. */
    public static final String EXPECTED = "expected a duration such as 500ms, 30s, 2m or 1h30m";

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final String[] UNIT_ORDER = {"h", "m", "s", "ms"};

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with a message for people when the text is not a duration
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(EXPECTED + ", got an empty text");
        }
        if (trimmed.matches("\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException(EXPECTED + ", got '" + trimmed + "' without a unit");
        }
        Matcher matcher = PART.matcher(trimmed);
        int position = 0;
        int lastUnit = -1;
        double nanos = 0;
        while (position < trimmed.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw new IllegalArgumentException(EXPECTED + ", got '" + trimmed + "'");
            }
            int unit = unitIndex(matcher.group(2));
            if (unit <= lastUnit) {
                throw new IllegalArgumentException(
                        EXPECTED + " (units from largest to smallest, each once), got '" + trimmed + "'");
            }
            lastUnit = unit;
            nanos += Double.parseDouble(matcher.group(1)) * nanosPer(unit);
            position = matcher.end();
        }
        if (nanos > Long.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("duration '" + trimmed + "' is too long");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /**
     * Formats a duration the way files write them, exact to the millisecond: {@code 1h30m}, {@code 2m}, {@code 1s500ms},
     * {@code 0s}. Sub-millisecond parts are dropped. {@code parse(format(d))} gives d back for whole milliseconds.
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (millis < 0) {
            out.append('-');
            millis = -millis;
        }
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long seconds = millis / 1000 % 60;
        long rest = millis % 1000;
        appendPart(out, hours, "h");
        appendPart(out, minutes, "m");
        appendPart(out, seconds, "s");
        appendPart(out, rest, "ms");
        return out.toString();
    }

    private static void appendPart(StringBuilder out, long amount, String unit) {
        if (amount != 0) {
            out.append(amount).append(unit);
        }
    }

    private static int unitIndex(String unit) {
        for (int i = 0; i < UNIT_ORDER.length; i++) {
            if (UNIT_ORDER[i].equals(unit)) {
                return i;
            }
        }
        throw new IllegalStateException(unit);
    }

    private static double nanosPer(int unitIndex) {
        return switch (UNIT_ORDER[unitIndex]) {
            case "h" -> 3_600e9;
            case "m" -> 60e9;
            case "s" -> 1e9;
            default -> 1e6;
        };
    }
}
