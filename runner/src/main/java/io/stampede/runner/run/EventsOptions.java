package io.stampede.runner.run;

import java.nio.file.Path;

/**
 * {@code --events FILE [--events-per request|second]}: JSON lines of the run's events (see
 * {@link io.stampede.runner.events.EventLines}).
 *
 * @param file       where the lines go (created or truncated)
 * @param perRequest one line per request; else one per completed second (the history row)
 */
public record EventsOptions(Path file, boolean perRequest) {

    public static final String FLAG = "--events";
    public static final String PER_FLAG = "--events-per";
    public static final String PER_REQUEST = "request";
    public static final String PER_SECOND = "second";
}
