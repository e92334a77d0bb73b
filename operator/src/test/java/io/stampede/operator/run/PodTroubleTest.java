package io.stampede.operator.run;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PodTroubleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ErrImagePull               | pull access denied for stampede:typo
            ImagePullBackOff           | Back-off pulling image "stampede:typo"
            InvalidImageName           | couldn't parse image name
            CreateContainerConfigError | secret "shop-credentials" not found
            CreateContainerError       | container name in use
            """)
    void aWaitingReasonThatWaitingWillNotFixIsFatal(String reason, String message) {
        Pod pod = waiting(reason, message);

        assertThat(PodTrouble.fatal(pod))
                .contains("the master pod shop-1-master cannot start: " + reason + ": " + message);
    }

    @Test
    void aFatalReasonWithoutMessageIsReportedAlone() {
        assertThat(PodTrouble.fatal(waiting("ErrImagePull", null)))
                .contains("the master pod shop-1-master cannot start: ErrImagePull");
    }

    @Test
    void aContainerStillBeingCreatedIsNoTrouble() {
        Pod pod = waiting("ContainerCreating", null);

        assertThat(PodTrouble.fatal(pod)).isEmpty();
        assertThat(PodTrouble.exited(pod)).isEmpty();
        assertThat(PodTrouble.unschedulable(pod)).isEmpty();
    }

    @Test
    void aRunningPodOrOneWithoutStatusHasNoTrouble() {
        Pod running = pod().withNewStatus().withPhase("Running").addToContainerStatuses(new ContainerStatusBuilder()
                .withName("master").withNewState().withNewRunning().endRunning().endState().build()).endStatus().build();
        Pod fresh = pod().build();

        for (Pod pod : new Pod[] {running, fresh}) {
            assertThat(PodTrouble.fatal(pod)).isEmpty();
            assertThat(PodTrouble.unschedulable(pod)).isEmpty();
            assertThat(PodTrouble.exited(pod)).isEmpty();
        }
    }

    @Test
    void anUnschedulablePodSaysWhatTheSchedulerSaid() {
        Pod pod = pod().withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled")
                .withStatus("False").withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient cpu.").endCondition().endStatus().build();

        assertThat(PodTrouble.unschedulable(pod))
                .contains("the master pod shop-1-master cannot be scheduled: 0/3 nodes are available: 3 Insufficient cpu.");
        assertThat(PodTrouble.fatal(pod)).isEmpty();
    }

    @Test
    void aScheduledPodIsNotUnschedulable() {
        Pod pod = pod().withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled")
                .withStatus("True").endCondition().endStatus().build();

        assertThat(PodTrouble.unschedulable(pod)).isEmpty();
    }

    @ParameterizedTest(name = "pod {0}, exit code {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Failed    | 137 | OOMKilled | the master exited with code 137 (OOMKilled)
            Failed    | 1   | Error     | the master exited with code 1 (Error)
            Succeeded | 0   | -         | the master exited with code 0
            """)
    void anEndedPodSaysHowTheMasterExited(String phase, int code, String reason, String expected) {
        Pod pod = pod().withNewStatus().withPhase(phase).addToContainerStatuses(new ContainerStatusBuilder()
                .withName("master").withNewState().withNewTerminated().withExitCode(code).withReason(reason)
                .endTerminated().endState().build()).endStatus().build();

        assertThat(PodTrouble.exited(pod)).contains(expected);
    }

    @Test
    void anEndedPodWithoutContainerStatusStillCountsAsEnded() {
        Pod pod = pod().withNewStatus().withPhase("Failed").endStatus().build();

        assertThat(PodTrouble.exited(pod)).contains("the master pod shop-1-master ended (Failed)");
    }

    static PodBuilder pod() {
        return new PodBuilder().withNewMetadata().withName("shop-1-master").withNamespace("perf").endMetadata();
    }

    static Pod waiting(String reason, String message) {
        return pod().withNewStatus().withPhase("Pending").addToContainerStatuses(new ContainerStatusBuilder()
                .withName("master").withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting()
                .endState().build()).endStatus().build();
    }
}
