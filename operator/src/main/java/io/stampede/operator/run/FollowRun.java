package io.stampede.operator.run;

import io.fabric8.kubernetes.api.model.Pod;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.Phase;
import io.stampede.operator.progress.MasterObservation;
import io.stampede.operator.status.AnswersMapper;
import io.stampede.operator.status.MasterStatusMapper;
import io.stampede.operator.status.ReportMapper;
import io.stampede.operator.status.Statuses;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a provisioned run stands, from what the master said and what its pod shows: Provisioning while the
 * master waits for its workers, Running while users run, then the master's verdict (Succeeded, Failed, Error,
 * Aborted) with its summary; or Error when the master cannot start, exits before its report, or stops answering.
 * A pure function: the clock is an argument.
 */
public final class FollowRun {

    /**
     * @param masterLostAfter a master that answered before and then fails to answer for this long is lost
     * @param startTimeout    a master that never answered by this age of its pod will not
     */
    public record Limits(Duration masterLostAfter, Duration startTimeout) {
    }

    private FollowRun() {
    }

    /** @return the new status (a copy; {@code current} is not changed) */
    public static LoadTestStatus follow(LoadTestStatus current, Optional<Pod> masterPod,
                                        Optional<MasterObservation> observation, Instant now, Limits limits) {
        LoadTestStatus status = Statuses.copy(current);
        Optional<MasterObservation> seen = observation.filter(o -> o.run() == status.getRun());
        MasterObservation master = seen.orElse(null);
        if (master != null && master.finished()) {
            return finish(status, master, now);
        }
        if (master != null && master.status() != null) {
            MasterStatusMapper.apply(status, master.status());
            boolean waiting = "Pending".equals(master.masterPhase());
            status.setPhase(waiting ? Phase.Provisioning.name() : Phase.Running.name());
            status.setMessage(waiting ? waitingMessage(status) : runningMessage(status));
        }
        if (masterPod.isEmpty()) {
            return error(status, "the master pod was deleted during the run", now);
        }
        Pod pod = masterPod.get();
        Optional<String> trouble = PodTrouble.fatal(pod).or(() -> PodTrouble.exited(pod)
                .map(exit -> exit + " before the operator read its report"));
        if (trouble.isPresent()) return error(status, trouble.get(), now);
        if (master != null && master.status() != null && master.failingSince() != null
                && !master.failingSince().plus(limits.masterLostAfter()).isAfter(now)) {
            return error(status, "lost the master: " + master.error() + " (not answering since "
                    + master.failingSince() + ")", now);
        }
        if (master == null || master.status() == null) {
            Duration age = age(pod, now);
            Optional<String> unschedulable = PodTrouble.unschedulable(pod);
            if (age.compareTo(limits.startTimeout()) >= 0) {
                return error(status, unschedulable.orElse("the master did not answer within "
                        + limits.startTimeout().toSeconds() + "s" + (master == null || master.error() == null ? ""
                        : ": " + master.error())), now);
            }
            status.setPhase(Phase.Provisioning.name());
            status.setMessage(unschedulable.orElse("starting the master pod " + pod.getMetadata().getName()));
        }
        return status;
    }

    private static LoadTestStatus finish(LoadTestStatus status, MasterObservation master, Instant now) {
        MasterStatusMapper.apply(status, master.status());
        if (master.report() != null) ReportMapper.apply(status, master.report());
        AnswersMapper.apply(status, master.report() != null && master.report().capacity() != null
                        ? master.report().capacity() : master.status().capacity(),
                master.report() != null && master.report().story() != null
                        ? master.report().story() : master.status().story());
        status.setPhase(master.masterPhase());
        String message = master.status().message();
        if (message.isBlank() && master.report() != null) message = master.report().message();
        status.setMessage(message.isBlank() ? defaultMessage(status) : message);
        status.setCompletionTime(now.toString());
        return status;
    }

    /** Ends the run with phase Error and the reason in status.message. */
    public static LoadTestStatus error(LoadTestStatus status, String message, Instant now) {
        status.setPhase(Phase.Error.name());
        status.setMessage(message);
        status.setCompletionTime(now.toString());
        return status;
    }

    private static String waitingMessage(LoadTestStatus status) {
        return "waiting for workers: " + status.getWorkers().getConnected() + " of " + status.getWorkers().getExpected()
                + " connected";
    }

    private static String runningMessage(LoadTestStatus status) {
        return "running: " + status.getProgress().getUsers() + " users, " + status.getProgress().getRequests()
                + " requests, " + status.getProgress().getFailures() + " failures after "
                + status.getProgress().getElapsed();
    }

    private static String defaultMessage(LoadTestStatus status) {
        return "completed: " + status.getProgress().getRequests() + " requests, " + status.getProgress().getFailures()
                + " failures";
    }

    private static Duration age(Pod pod, Instant now) {
        String created = pod.getMetadata().getCreationTimestamp();
        if (created == null) return Duration.ZERO;
        return Duration.between(Instant.parse(created), now);
    }
}
