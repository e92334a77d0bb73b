package io.stampede.runner.cli;

import io.stampede.runner.model.Durations;
import picocli.CommandLine;

import java.time.Duration;

/** Durations on the command line as files write them: 500ms, 30s, 2m, 1h30m. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
