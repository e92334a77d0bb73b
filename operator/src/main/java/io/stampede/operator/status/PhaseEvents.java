package io.stampede.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.Phase;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The Kubernetes Event a LoadTest gets when its phase changes, for {@code kubectl describe loadtest} and
 * {@code kubectl get events --field-selector reason=Failed}: reason = the new phase's name (Pending, Provisioning,
 * Running, Succeeded, Failed, Error, Aborted), type Warning for Failed and Error, message = the status message (why
 * it failed: the breached threshold, the lost master or worker, the image that could not be pulled, ...).
 * One Event per run and phase (see {@link #name}). Pure: the caller creates the Event.
 */
public final class PhaseEvents {

    /** {@code source.component} and {@code reportingComponent} of the Events. */
    public static final String COMPONENT = "stampede-operator";

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
        String time = now.toString();
        return Optional.of(new EventBuilder()
                .withNewMetadata()
                .withName(name(loadTest, after, to))
                .withNamespace(loadTest.getMetadata().getNamespace())
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(LoadTest.API_VERSION).withKind(LoadTest.KIND)
                .withName(loadTest.getMetadata().getName()).withNamespace(loadTest.getMetadata().getNamespace())
                .withUid(loadTest.getMetadata().getUid())
                .withResourceVersion(loadTest.getMetadata().getResourceVersion())
                .endInvolvedObject()
                .withType(to == Phase.Failed || to == Phase.Error ? "Warning" : "Normal")
                .withReason(to.name())
                .withMessage(truncate(message))
                .withCount(1)
                .withFirstTimestamp(time).withLastTimestamp(time)
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT)
                .build());
    }

    /**
     * One name per LoadTest (its uid), run and phase: a reconcile that computes the same change again (its status
     * patch not yet seen) creates the same name, which the API server refuses, so each change is told once.
     */
    static String name(LoadTest loadTest, LoadTestStatus after, Phase to) {
        String uid = loadTest.getMetadata().getUid() == null ? "" : loadTest.getMetadata().getUid();
        String run = after.getRun() == null ? "0" : after.getRun().toString();
        return loadTest.getMetadata().getName() + "." + uid.substring(0, Math.min(8, uid.length())) + "." + run + "."
                + to.name().toLowerCase(Locale.ROOT);
    }

    /** The API server refuses Event messages over 1 KiB. */
    private static String truncate(String message) {
        return message.length() <= 1024 ? message : message.substring(0, 1021) + "...";
    }
}
