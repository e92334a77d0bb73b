package io.stampede.runner.cli;

import io.stampede.runner.cli.args.Converter;
import io.stampede.runner.model.Durations;

import java.time.Duration;

/** Durations on the command line as files write them: 500ms, 30s, 2m, 1h30m. */
final class DurationConverter implements Converter<Duration> {

    static final DurationConverter INSTANCE = new DurationConverter();

    @Override
    public Duration convert(String text) {
        return Durations.parse(text);
    }
}
