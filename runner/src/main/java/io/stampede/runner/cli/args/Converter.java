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

    Converter<Integer> WHOLE_NUMBER = text -> {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
        }
    };

    Converter<Double> NUMBER = text -> {
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isNaN(value) || Double.isInfinite(value)) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got '" + text + "'");
        }
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
