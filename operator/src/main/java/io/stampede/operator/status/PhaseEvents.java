package io.stampede.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.Phase;

import java.time.Instant;
import java.util.Optional;

/**
 * The Kubernetes Event a LoadTest gets when its phase changes, for {@code kubectl describe loadtest} and
 * {@code kubectl get events --field-selector reason=Failed}: reason = the new phase's name (Pending, Provisioning,
 * Running, Succeeded, Failed, Error, Aborted), type Warning for Failed and Error, message = the status message (why
 * it failed: the breached threshold, the lost master or worker, the image that could not be pulled, ...).
 * One Event per run and phase (see {@link #name}); problems within a phase are {@link ProblemEvents}. Pure: the
 * caller creates the Event.
 */
public final class PhaseEvents {

    /** {@code source.component} and {@code reportingComponent} of the Events. */
    public static final String COMPONENT = LoadTestEvent.COMPONENT;

    private PhaseEvents() {
    }

    /**
     * The Event for going from {@code before} (null: the LoadTest had no status yet) to {@code after}; empty when
     * the phase did not change.
     */
    public static Optional<Event> of(LoadTest loadTest, LoadTestStatus before, LoadTestStatus after, Instant now) {
        Phase from = before == null ? null : Phase.of(before);
        Phase to = Phase.of(after);
        if (from == to) return Optional.empty();
        String message = after.getMessage() == null || after.getMessage().isBlank()
                ? "phase " + to.name() : after.getMessage();
        return Optional.of(LoadTestEvent.of(loadTest, after, to.name(),
                to == Phase.Failed || to == Phase.Error ? "Warning" : "Normal", to.name(), message, now));
    }

    /** One name per LoadTest (its uid), run and phase: see {@link LoadTestEvent}. */
    static String name(LoadTest loadTest, LoadTestStatus after, Phase to) {
        return LoadTestEvent.name(loadTest, after, to.name());
    }
}
