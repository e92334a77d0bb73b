package io.stampede.runner.analysis.story;

import io.stampede.runner.stats.HumanFormat;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The numbers in a story's sentences, as people say them: two significant digits ({@code 40 ms}, {@code 920 ms},
 * {@code 1.4 s}), ranges in one unit ({@code 40-60 ms}), elapsed times like the rest of the reports
 * ({@code 7m10s}).
 */
final class StoryText {

    private StoryText() {
    }

    /** {@code 0.42 ms}, {@code 4.2 ms}, {@code 42 ms}, {@code 420 ms}, {@code 4.2 s}. */
    static String ms(double ms) {
        return ms >= 1000 ? round(ms / 1000) + " s" : round(ms) + " ms";
    }

    /** {@code 40-60 ms}; a single value when both ends round alike. */
    static String msRange(double low, double high) {
        if (high >= 1000 && low >= 1000) return range(round(low / 1000), round(high / 1000)) + " s";
        if (high >= 1000) return ms(low) + "-" + ms(high);
        return range(round(low), round(high)) + " ms";
    }

    /** {@code 480/s}, {@code 4.8/s}. */
    static String rate(double perSecond) {
        return round(perSecond) + "/s";
    }

    /** {@code 7m10s}, {@code 45s}. */
    static String elapsed(long millis) {
        return millis == 0 ? "0s" : HumanFormat.millis(millis);
    }

    /** {@code 0.1%}, {@code 23%}. */
    static String percent(double fraction) {
        return fraction == 0 ? "0%" : round(fraction * 100) + "%";
    }

    /** {@code 50 users}, {@code 1 user}. */
    static String users(int users) {
        return users + (users == 1 ? " user" : " users");
    }

    private static String range(String low, String high) {
        return low.equals(high) ? low : low + "-" + high;
    }

    /** Two significant digits, at least a whole number from 10 up, no trailing zeros: 0.42, 4.2, 42, 420, 4200. */
    static String round(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) return value == 0 ? "0" : "?";
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(2));
        return rounded.stripTrailingZeros().toPlainString();
    }
}
