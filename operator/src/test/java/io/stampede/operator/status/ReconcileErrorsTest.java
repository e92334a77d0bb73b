package io.stampede.operator.status;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;
import io.stampede.operator.api.LoadTestStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileErrorsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");

    @Test
    void aFailedReconcileLeavesItsCauseAndKeepsThePhase() {
        LoadTestStatus status = finished();

        ReconcileErrors.failed(status, new IllegalStateException("no such run"), false, 3, NOW);

        assertThat(status.getPhase()).isEqualTo("Succeeded");
        assertThat(status.getMessage()).isEqualTo(
                "the operator could not reconcile this LoadTest: IllegalStateException: no such run; retrying");
        assertThat(Conditions.find(status, ReconcileErrors.CONDITION).getStatus()).isEqualTo("True");
        assertThat(Conditions.find(status, ReconcileErrors.CONDITION).getReason()).isEqualTo("Retrying");
        assertThat(Conditions.find(status, ReconcileErrors.CONDITION).getObservedGeneration()).isEqualTo(3L);
    }

    @Test
    void recoveringRemovesTheConditionAndGivesTheMessageBack() {
        LoadTestStatus status = finished();
        ReconcileErrors.failed(status, new IllegalStateException("boom"), true, 1, NOW);
        assertThat(Conditions.find(status, ReconcileErrors.CONDITION).getReason()).isEqualTo("RetriesExhausted");
        assertThat(status.getMessage()).endsWith("; it gave up: change the LoadTest or restart the operator to retry");

        ReconcileErrors.recovered(status);

        assertThat(Conditions.find(status, ReconcileErrors.CONDITION)).isNull();
        assertThat(status.getMessage()).isEqualTo("4 of 4 thresholds passed");
    }

    @Test
    void theApiServersAnswerIsTheCauseOfEachFailedDependent() {
        KubernetesClientException refused = new KubernetesClientException(new StatusBuilder().withCode(403)
                .withMessage("configmaps \"a-1-test\" is forbidden: exceeded quota").build());
        Exception workflow = new OperatorException(new AggregatedOperatorException("Exception(s) during workflow",
                Map.of("test", refused)));

        assertThat(ReconcileErrors.cause(workflow))
                .isEqualTo("test: the Kubernetes API answered 403: configmaps \"a-1-test\" is forbidden: exceeded quota");
        assertThat(ReconcileErrors.cause(new RuntimeException("x".repeat(1000))))
                .hasSize(ReconcileErrors.MAX_CAUSE_CHARS + 3);
    }

    private static LoadTestStatus finished() {
        LoadTestStatus status = new LoadTestStatus();
        status.setPhase("Succeeded");
        status.setMessage("4 of 4 thresholds passed");
        Conditions.derive(status, 1, NOW);
        return status;
    }
}
