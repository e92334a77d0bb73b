package io.stampede.operator.status;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.stampede.operator.api.LoadTestStatus;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shows a reconcile that threw in the status instead of leaving the last status standing: the condition
 * {@code ReconcileError} (True while reconciling fails; absent otherwise) and {@code status.message}, both naming
 * the cause (for a refusal of the Kubernetes API: its code and message, never a request body). The phase is left
 * as it was: a failed reconcile says nothing about the run. Pure functions of their inputs.
 */
public final class ReconcileErrors {

    /** The condition's type; its reason is {@link #RETRYING} or {@link #GAVE_UP}. */
    public static final String CONDITION = "ReconcileError";
    public static final String RETRYING = "Retrying";
    public static final String GAVE_UP = "RetriesExhausted";

    /** A cause's text is cut to this many characters: a status lives in etcd and is read by people. */
    static final int MAX_CAUSE_CHARS = 400;

    private ReconcileErrors() {
    }

    /**
     * Records a failed reconcile in {@code status}: the condition and the message.
     *
     * @param lastTry whether the operator retries no more (until the LoadTest changes or the operator restarts)
     */
    public static void failed(LoadTestStatus status, Exception error, boolean lastTry, long generation, Instant now) {
        String message = "the operator could not reconcile this LoadTest: " + cause(error)
                + (lastTry ? "; it gave up: change the LoadTest or restart the operator to retry" : "; retrying");
        Conditions.put(status, CONDITION, "True", lastTry ? GAVE_UP : RETRYING, message, generation, now);
        status.setMessage(message);
    }

    /**
     * After a reconcile that succeeded: removes the condition and, when the message is still the error's, gives
     * back the message from before it (which {@link Conditions#derive} left in the {@code Ready} condition).
     */
    public static void recovered(LoadTestStatus status) {
        if (status.getConditions() == null) return;
        var error = Conditions.find(status, CONDITION);
        if (error == null) return;
        status.getConditions().remove(error);
        if (error.getMessage() != null && error.getMessage().equals(status.getMessage())) {
            var ready = Conditions.find(status, Conditions.READY);
            status.setMessage(ready == null || ready.getMessage() == null || ready.getMessage().isEmpty()
                    ? null : ready.getMessage());
        }
    }

    /** The cause for people: the innermost message, and the API server's answer rather than the client's wording. */
    static String cause(Throwable error) {
        String text;
        if (error instanceof AggregatedOperatorException aggregated && !aggregated.getAggregatedExceptions().isEmpty()) {
            Map<String, Exception> causes = aggregated.getAggregatedExceptions();
            text = causes.entrySet().stream().map(entry -> entry.getKey() + ": " + cause(entry.getValue()))
                    .collect(Collectors.joining("; "));
        } else if (error instanceof KubernetesClientException refused && refused.getCode() > 0) {
            String answer = refused.getStatus() != null && refused.getStatus().getMessage() != null
                    ? refused.getStatus().getMessage() : String.valueOf(refused.getMessage());
            text = "the Kubernetes API answered " + refused.getCode() + ": " + answer;
        } else if (error.getCause() != null && error.getCause() != error) {
            text = cause(error.getCause());
        } else {
            text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        }
        return text.length() > MAX_CAUSE_CHARS ? text.substring(0, MAX_CAUSE_CHARS) + "..." : text;
    }
}
