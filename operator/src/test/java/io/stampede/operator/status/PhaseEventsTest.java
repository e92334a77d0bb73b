package io.stampede.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    private static LoadTest loadTest() {
        LoadTest loadTest = new LoadTest();
        loadTest.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("team-a").withUid("u-1").build());
        return loadTest;
    }

    private static LoadTestStatus status(String phase, String message) {
        LoadTestStatus status = new LoadTestStatus();
        status.setPhase(phase);
        status.setMessage(message);
        return status;
    }

    @Test
    void anUnchangedPhaseMakesNoEvent() {
        assertThat(PhaseEvents.of(loadTest(), status("Running", "a"), status("Running", "b"), NOW)).isEmpty();
    }

    @Test
    void anErrorIsAWarningOnTheLoadTestWithTheStatusMessage() {
        Event event = PhaseEvents.of(loadTest(), status("Running", null),
                status("Error", "master lost: no answer for 30s"), NOW).orElseThrow();

        assertThat(event.getReason()).isEqualTo("Error");
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getMessage()).isEqualTo("master lost: no answer for 30s");
        assertThat(event.getInvolvedObject().getKind()).isEqualTo("LoadTest");
        assertThat(event.getInvolvedObject().getUid()).isEqualTo("u-1");
        assertThat(event.getMetadata().getNamespace()).isEqualTo("team-a");
        assertThat(event.getMetadata().getName()).isEqualTo("shop.u-1.0.error");
    }

    @Test
    void theSameChangeComputedTwiceHasTheSameNameSoItIsToldOnce() {
        LoadTestStatus failed = status("Failed", "p95 was 828ms");
        failed.setRun(2);
        Event first = PhaseEvents.of(loadTest(), status("Running", null), failed, NOW).orElseThrow();
        Event again = PhaseEvents.of(loadTest(), status("Running", null), failed, NOW.plusSeconds(5)).orElseThrow();

        assertThat(again.getMetadata().getName()).isEqualTo(first.getMetadata().getName()).isEqualTo("shop.u-1.2.failed");
    }

    @Test
    void theFirstStatusIsAnEventAndSuccessIsNormal() {
        assertThat(PhaseEvents.of(loadTest(), null, status("Provisioning", "starting"), NOW))
                .hasValueSatisfying(e -> assertThat(e.getReason()).isEqualTo("Provisioning"));
        assertThat(PhaseEvents.of(loadTest(), status("Running", null), status("Succeeded", null), NOW))
                .hasValueSatisfying(e -> {
                    assertThat(e.getType()).isEqualTo("Normal");
                    assertThat(e.getMessage()).isEqualTo("phase Succeeded");
                });
    }
}
