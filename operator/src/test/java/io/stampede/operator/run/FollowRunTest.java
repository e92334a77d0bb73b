package io.stampede.operator.run;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.progress.MasterObservation;
import io.stampede.operator.testing.FakeMaster;
import io.stampede.runner.doc.ReportDocument;
import io.stampede.runner.doc.StatusDocument;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The master's answers are those captured from a real master (src/test/resources/master/); the clock is fixed. */
class FollowRunTest {

    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");
    private static final FollowRun.Limits LIMITS = new FollowRun.Limits(Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void aMasterWaitingForItsWorkersKeepsTheRunProvisioning() {
        LoadTestStatus status = follow(Optional.of(masterPod(60)), answered("status-pending.json", null));

        assertThat(status.getPhase()).isEqualTo("Provisioning");
        assertThat(status.getMessage()).isEqualTo("waiting for workers: 1 of 2 connected");
        assertThat(status.getWorkers().getExpected()).isEqualTo(2);
        assertThat(status.getStartTime()).isNull();
        assertThat(status.getCompletionTime()).isNull();
    }

    @Test
    void aRunningMastersProgressIsCopied() {
        LoadTestStatus status = follow(Optional.of(masterPod(60)), answered("status-running.json", null));

        assertThat(status.getPhase()).isEqualTo("Running");
        assertThat(status.getMessage()).isEqualTo("running: 20 users, 1234 requests, 5 failures after 1m30s");
        assertThat(status.getProgress().getUsers()).isEqualTo(20);
        assertThat(status.getProgress().getRps()).isEqualTo(250.3);
        assertThat(status.getProgress().getP95Ms()).isEqualTo(80.25);
        assertThat(status.getStartTime()).isEqualTo("2026-11-22T03:54:02.583Z");
        assertThat(status.getCompletionTime()).isNull();
    }

    @Test
    void aFinishedMasterGivesItsVerdictSummaryAndCompletionTime() {
        LoadTestStatus status = follow(Optional.of(masterPod(60)), answered("status-failed.json", "report-failed.json"));

        assertThat(status.getPhase()).isEqualTo("Failed");
        assertThat(status.getMessage()).isEqualTo("3 of 4 thresholds passed; p95 was 828ms (limit 500ms)");
        assertThat(status.getCompletionTime()).isEqualTo("2026-11-22T04:00:00Z");
        assertThat(status.getSummary().getTotal().getRequests()).isEqualTo(107L);
        assertThat(status.getSummary().getRequests()).hasSize(5);
        assertThat(status.getThresholds()).hasSize(4);
        assertThat(status.getProgress().getRequests()).isEqualTo(107L);
    }

    @Test
    void anObservationOfAnotherRunIsIgnored() {
        MasterObservation lastRun = new MasterObservation(2, fixture("status-running.json"), null, null, null);

        LoadTestStatus status = follow(Optional.of(masterPod(60)), Optional.of(lastRun));

        assertThat(status.getPhase()).isEqualTo("Provisioning");
        assertThat(status.getMessage()).isEqualTo("starting the master pod shop-1-master");
        assertThat(status.getProgress()).isNull();
    }

    @Test
    void aDeletedMasterPodEndsTheRunInError() {
        LoadTestStatus status = follow(Optional.empty(), answered("status-running.json", null));

        assertThat(status.getPhase()).isEqualTo("Error");
        assertThat(status.getMessage()).isEqualTo("the master pod was deleted during the run");
        assertThat(status.getCompletionTime()).isEqualTo("2026-11-22T04:00:00Z");
    }

    @Test
    void aMasterThatStopsAnsweringForLongerThanMasterLostAfterIsLost() {
        Instant since = NOW.minusSeconds(30);
        MasterObservation failing = new MasterObservation(1, fixture("status-running.json"), null,
                "connection refused", since);

        LoadTestStatus status = follow(Optional.of(masterPod(600)), Optional.of(failing));

        assertThat(status.getPhase()).isEqualTo("Error");
        assertThat(status.getMessage())
                .isEqualTo("lost the master: connection refused (not answering since 2026-11-22T03:59:30Z)");
    }

    @Test
    void aMasterThatStoppedAnsweringMomentsAgoStillRuns() {
        MasterObservation failing = new MasterObservation(1, fixture("status-running.json"), null,
                "connection refused", NOW.minusSeconds(29));

        LoadTestStatus status = follow(Optional.of(masterPod(600)), Optional.of(failing));

        assertThat(status.getPhase()).isEqualTo("Running");
        assertThat(status.getCompletionTime()).isNull();
    }

    @Test
    void aMasterThatNeverAnsweredIsGivenUpAfterTheStartTimeout() {
        MasterObservation never = new MasterObservation(1, null, null, "connection refused", NOW.minusSeconds(300));

        LoadTestStatus young = follow(Optional.of(masterPod(299)), Optional.of(never));
        LoadTestStatus old = follow(Optional.of(masterPod(300)), Optional.of(never));

        assertThat(young.getPhase()).isEqualTo("Provisioning");
        assertThat(young.getMessage()).isEqualTo("starting the master pod shop-1-master");
        assertThat(old.getPhase()).isEqualTo("Error");
        assertThat(old.getMessage()).isEqualTo("the master did not answer within 300s: connection refused");
    }

    @Test
    void anUnschedulableMasterWaitsUntilTheStartTimeoutAndThenSaysWhy() {
        String why = "the master pod shop-1-master cannot be scheduled: 0/3 nodes are available: 3 Insufficient cpu.";

        LoadTestStatus young = follow(Optional.of(unschedulable(60)), Optional.empty());
        LoadTestStatus old = follow(Optional.of(unschedulable(301)), Optional.empty());

        assertThat(young.getPhase()).isEqualTo("Provisioning");
        assertThat(young.getMessage()).isEqualTo(why);
        assertThat(old.getPhase()).isEqualTo("Error");
        assertThat(old.getMessage()).isEqualTo(why);
    }

    @Test
    void anImageThatCannotBePulledEndsTheRunAtOnce() {
        Pod pod = new PodBuilder(masterPod(10)).editStatus().withPhase("Pending").addToContainerStatuses(
                new ContainerStatusBuilder().withName("master").withNewState().withNewWaiting()
                        .withReason("ImagePullBackOff").withMessage("Back-off pulling image").endWaiting().endState()
                        .build()).endStatus().build();

        LoadTestStatus status = follow(Optional.of(pod), Optional.empty());

        assertThat(status.getPhase()).isEqualTo("Error");
        assertThat(status.getMessage())
                .isEqualTo("the master pod shop-1-master cannot start: ImagePullBackOff: Back-off pulling image");
    }

    @Test
    void aMasterThatExitsBeforeItsReportIsAnError() {
        Pod pod = new PodBuilder(masterPod(120)).editStatus().withPhase("Failed").addToContainerStatuses(
                new ContainerStatusBuilder().withName("master").withNewState().withNewTerminated().withExitCode(137)
                        .withReason("OOMKilled").endTerminated().endState().build()).endStatus().build();

        LoadTestStatus status = follow(Optional.of(pod), answered("status-running.json", null));

        assertThat(status.getPhase()).isEqualTo("Error");
        assertThat(status.getMessage())
                .isEqualTo("the master exited with code 137 (OOMKilled) before the operator read its report");
    }

    @Test
    void leavesTheCurrentStatusAsItWas() {
        LoadTestStatus current = current();

        FollowRun.follow(current, Optional.of(masterPod(60)), answered("status-running.json", null), NOW, LIMITS);

        assertThat(current.getPhase()).isEqualTo("Provisioning");
        assertThat(current.getProgress()).isNull();
    }

    private static LoadTestStatus follow(Optional<Pod> pod, Optional<MasterObservation> observation) {
        return FollowRun.follow(current(), pod, observation, NOW, LIMITS);
    }

    private static LoadTestStatus current() {
        LoadTestStatus status = new LoadTestStatus();
        status.setRun(1);
        status.setObservedGeneration(1L);
        status.setPhase("Provisioning");
        status.setMessage("starting the master pod shop-1-master");
        return status;
    }

    private static Optional<MasterObservation> answered(String status, String report) {
        return Optional.of(new MasterObservation(1, fixture(status),
                report == null ? null : ReportDocument.parse(FakeMaster.fixture(report)), null, null));
    }

    private static Pod masterPod(long ageSeconds) {
        return new PodBuilder().withNewMetadata().withName("shop-1-master").withNamespace("perf")
                .withCreationTimestamp(NOW.minusSeconds(ageSeconds).toString()).endMetadata()
                .withNewStatus().withPhase("Running").endStatus().build();
    }

    private static Pod unschedulable(long ageSeconds) {
        return new PodBuilder(masterPod(ageSeconds)).editStatus().withPhase("Pending").addNewCondition()
                .withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient cpu.").endCondition().endStatus().build();
    }

    private static StatusDocument fixture(String name) {
        return StatusDocument.parse(FakeMaster.fixture(name));
    }
}
