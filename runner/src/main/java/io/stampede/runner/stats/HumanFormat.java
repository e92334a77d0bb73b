package io.stampede.runner.stats;

import java.util.Locale;

/**
 * Short, human text for durations and metric values: {@code 0.35ms}, {@code 4.2ms}, {@code 812ms},
 * {@code 1.4s}, {@code 2m3s}, {@code 1h30m}, {@code 0.35%}, {@code 52.3/s}. Decimal point always '.'.
 *
 * <p>It lives in stats (not report) because threshold results carry their observed value as text.
 */
public final class HumanFormat {

    private HumanFormat() {
    }

    /** A duration in milliseconds: sub-millisecond with 2 decimals, below 10 ms with 1, then ms, s, m, h. */
    public static String millis(double ms) {
        if (ms < 0) {
            return "-" + millis(-ms);
        }
        if (ms < 1) {
            return trimmed(ms, 2) + "ms";
        }
        if (ms < 9.95) {
            return trimmed(ms, 1) + "ms";
        }
        if (Math.round(ms) < 1000) {
            return Math.round(ms) + "ms";
        }
        double seconds = ms / 1000.0;
        if (seconds < 59.95) {
            return trimmed(seconds, 1) + "s";
        }
        long totalSeconds = Math.round(seconds);
        long hours = totalSeconds / 3600;
        long minutes = totalSeconds % 3600 / 60;
        long secs = totalSeconds % 60;
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (secs > 0) {
            text.append(secs).append('s');
        }
        return text.toString();
    }

    /** A fraction 0..1 as a percentage with up to 2 decimals; a non-zero value too small to show is "<0.01%". */
    public static String percent(double fraction) {
        double percent = fraction * 100;
        if (percent > 0 && percent < 0.005) {
            return "<0.01%";
        }
        return trimmed(percent, 2) + "%";
    }

    /** A rate per second: 1 decimal, 2 below 1/s. */
    public static String rate(double perSecond) {
        return trimmed(perSecond, Math.abs(perSecond) < 1 ? 2 : 1) + "/s";
    }

    /** A value of a threshold metric (see {@link Threshold#METRICS}) in that metric's base unit. */
    public static String metric(String metric, double value) {
        return switch (metric) {
            case "rps" -> rate(value);
            case "failureRate", Threshold.DROPPED_RATE -> percent(value);
            case "failures", "requests", "dropped" -> String.valueOf(Math.round(value));
            default -> millis(value);
        };
    }

    /** The value with at most maxDecimals decimals, trailing zeros dropped: 1.40 -> "1.4", 2.0 -> "2". */
    static String trimmed(double value, int maxDecimals) {
        String text = String.format(Locale.ROOT, "%." + maxDecimals + "f", value);
        if (text.indexOf('.') >= 0) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text.equals("-0") ? "0" : text;
    }
}
