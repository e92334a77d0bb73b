package io.stampede.runner.hooks;

import io.stampede.runner.scenario.NotifyTarget;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * POSTs {@link NotifyPayload}s to the {@code spec.notify} webhooks that asked for each event, from the master only
 * (a distributed run notifies once). A webhook that fails or is slow never changes the run's result: it is a
 * warning naming the webhook by scheme, host and port only (its path or query may hold a token).
 *
 * <p>Threading: {@link #post} blocks for at most {@link #TIMEOUT} per webhook; call it from the master's own
 * thread, never from an event loop.
 */
public final class Webhooks {

    /** The longest a webhook may take to answer (connect included). */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<NotifyTarget> targets;
    private final Consumer<String> warnings;
    private final HttpClient client;

    /** @param warnings gets one line per failed post, for people */
    public Webhooks(List<NotifyTarget> targets, Consumer<String> warnings) {
        this.targets = List.copyOf(targets);
        this.warnings = warnings;
        this.client = targets.isEmpty() ? null : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Whether any webhook wants this event. */
    public boolean wants(String event) {
        return targets.stream().anyMatch(target -> target.events().contains(event));
    }

    /** POSTs the JSON to every webhook that wants this event, one after the other; returns how many took it (2xx). */
    public int post(String event, String json) {
        int delivered = 0;
        for (NotifyTarget target : targets) {
            if (!target.events().contains(event)) continue;
            HttpRequest request = HttpRequest.newBuilder(target.url()).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").header("User-Agent", "stampede/0.1")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) delivered++;
                else warnings.accept("notify " + event + " to " + target.shown() + ": HTTP " + status);
            } catch (IOException e) {
                warnings.accept("notify " + event + " to " + target.shown() + ": " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return delivered;
            }
        }
        return delivered;
    }
}
