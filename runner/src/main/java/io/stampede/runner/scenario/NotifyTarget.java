package io.stampede.runner.scenario;

import java.net.URI;
import java.util.Set;

/**
 * A webhook of {@code spec.notify}, validated.
 *
 * @param url    where the JSON is POSTed; its path and query may hold a token: show only {@link #shown()}
 * @param events which of start, end and breach it receives
 */
public record NotifyTarget(URI url, Set<String> events) {

    public NotifyTarget {
        events = Set.copyOf(events);
    }

    /** Scheme, host and port: what messages may show of the URL. */
    public String shown() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
