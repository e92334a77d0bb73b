package io.stampede.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;

import java.time.Instant;
import java.util.Locale;

/**
 * A core/v1 Event about a LoadTest (its involvedObject), written by the operator ({@link #COMPONENT}). The name is
 * {@code <loadtest>.<uid prefix>.<run>.<suffix>}: a reconcile that computes the same happening again (its status
 * patch not yet seen) makes the same name, which the API server refuses, so each happening is told once. Pure.
 */
final class LoadTestEvent {

    /** {@code source.component} and {@code reportingComponent} of the Events. */
    static final String COMPONENT = "stampede-operator";

    private LoadTestEvent() {
    }

    /**
     * @param type   "Normal" or "Warning"
     * @param reason CamelCase, what users grep for ({@code kubectl get events --field-selector reason=WorkerLost})
     * @param suffix what makes the name unique within one run (lower-cased)
     */
    static Event of(LoadTest loadTest, LoadTestStatus after, String suffix, String type, String reason,
                    String message, Instant now) {
        String time = now.toString();
        return new EventBuilder()
                .withNewMetadata()
                .withName(name(loadTest, after, suffix))
                .withNamespace(loadTest.getMetadata().getNamespace())
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(LoadTest.API_VERSION).withKind(LoadTest.KIND)
                .withName(loadTest.getMetadata().getName()).withNamespace(loadTest.getMetadata().getNamespace())
                .withUid(loadTest.getMetadata().getUid())
                .withResourceVersion(loadTest.getMetadata().getResourceVersion())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(truncate(message))
                .withCount(1)
                .withFirstTimestamp(time).withLastTimestamp(time)
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT)
                .build();
    }

    static String name(LoadTest loadTest, LoadTestStatus after, String suffix) {
        String uid = loadTest.getMetadata().getUid() == null ? "" : loadTest.getMetadata().getUid();
        String run = after.getRun() == null ? "0" : after.getRun().toString();
        return loadTest.getMetadata().getName() + "." + uid.substring(0, Math.min(8, uid.length())) + "." + run + "."
                + suffix.toLowerCase(Locale.ROOT);
    }

    /** The API server refuses Event messages over 1 KiB. */
    private static String truncate(String message) {
        return message.length() <= 1024 ? message : message.substring(0, 1021) + "...";
    }
}
