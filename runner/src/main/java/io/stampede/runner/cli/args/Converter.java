package io.stampede.runner.cli.args;

import io.stampede.runner.model.Durations;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Turns an option's text into a value. A bad text throws {@link IllegalArgumentException} whose message says what
 * was expected and what was given ({@code "expected a whole number, got 'ten'"}); {@link Arguments} adds the
 * option's name.
 */
@FunctionalInterface
public interface Converter<T> {

    T convert(String text);

    /** A whole number that fits an {@code int}; a longer run of digits is "too large", with the limit. */
    Converter<Integer> WHOLE_NUMBER = text -> {
        String trimmed = text.trim();
        try {
            return Integer.valueOf(trimmed);
        } catch (NumberFormatException e) {
            if (trimmed.matches("[+-]?[0-9]+")) {
                boolean negative = trimmed.startsWith("-");
                throw new IllegalArgumentException("'" + text + "' is too " + (negative ? "small: at least "
                        + Integer.MIN_VALUE : "large: at most " + Integer.MAX_VALUE));
            }
            throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
        }
    };

    /** A finite number; one beyond a double's range ({@code 1e999}) is "too large", with the limit. */
    Converter<Double> NUMBER = text -> {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got '" + text + "'");
        }
        if (Double.isNaN(value)) throw new IllegalArgumentException("expected a number, got '" + text + "'");
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("'" + text + "' is too " + (value < 0 ? "small: at least -"
                    : "large: at most ") + Double.MAX_VALUE);
        }
        return value;
    };

    /** As files write durations: 500ms, 30s, 2m, 1h30m. */
    Converter<Duration> DURATION = Durations::parse;

    Converter<Path> PATH = text -> {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("expected a file path, got '" + text + "' (" + e.getReason() + ")");
        }
    };
}
