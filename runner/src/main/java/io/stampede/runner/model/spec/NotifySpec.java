package io.stampede.runner.model.spec;

import java.util.List;

/**
 * A webhook that receives the run's summary, as written in {@code spec.notify}.
 *
 * @param url an http or https URL (path and query kept as written; it may hold a token, so it is never logged)
 * @param on  the events it receives, each one of {@link #EVENTS}, in document order, no duplicates; never empty
 *            (absent means {@code [end]})
 */
public record NotifySpec(String url, List<String> on) {

    /** start: the users are about to start; end: the run is over; breach: it ended with a threshold breached. */
    public static final List<String> EVENTS = List.of("start", "end", "breach");

    public NotifySpec {
        on = Immutables.list(on);
    }
}
