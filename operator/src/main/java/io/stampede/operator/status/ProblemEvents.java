package io.stampede.operator.status;

import io.fabric8.kubernetes.api.model.Event;
import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.Phase;
import io.stampede.operator.api.ThresholdResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Warning Events for what goes wrong in a run, beside the {@link PhaseEvents}, read off the change from one status to
 * the next, with reasons users can grep ({@code kubectl get events --field-selector reason=WorkerLost}):
 * <ul>
 *   <li>{@value #WORKER_LOST}: {@code status.workers.lost} grew (the master moved the worker's users to the others);
 *       one Event per lost worker count in a run;</li>
 *   <li>{@value #MASTER_LOST}: the run ended in Error because the master stopped answering, exited before its report
 *       was read, or its pod was deleted;</li>
 *   <li>{@value #IMAGE_PULL_FAILED}: the run ended in Error because the master pod's image cannot be pulled (worker
 *       pods' images are not watched: the master's connect timeout reports them);</li>
 *   <li>{@value #THRESHOLD_BREACHED}: a threshold in {@code status.thresholds} has {@code passed: false}, once per run,
 *       listing every breached one with the observed value.</li>
 * </ul>
 * Master trouble is recognised by the status messages {@code run/FollowRun} and {@code run/PodTrouble} write (their
 * wording is the contract: {@link #MASTER_LOST_MESSAGE}, {@link #IMAGE_PULL_MESSAGE}). Pure: the caller creates the
 * Events.
 */
public final class ProblemEvents {

    public static final String WORKER_LOST = "WorkerLost";
    public static final String MASTER_LOST = "MasterLost";
    public static final String IMAGE_PULL_FAILED = "ImagePullFailed";
    public static final String THRESHOLD_BREACHED = "ThresholdBreached";

    /** Error messages that mean the master is gone. */
    static final Pattern MASTER_LOST_MESSAGE = Pattern.compile(
            "^(lost the master|the master pod was deleted|the master exited|the master pod \\S+ ended)");
    /** Error messages that mean the master pod's image cannot be pulled (kubelet's waiting reasons). */
    static final Pattern IMAGE_PULL_MESSAGE = Pattern.compile("\\b(ErrImagePull|ImagePullBackOff|InvalidImageName)\\b");

    private ProblemEvents() {
    }

    /** The problems that appear going from {@code before} (null: no status yet) to {@code after}, in that order. */
    public static List<Event> of(LoadTest loadTest, LoadTestStatus before, LoadTestStatus after, Instant now) {
        List<Event> events = new ArrayList<>();
        int lostBefore = sameRun(before, after) ? lost(before) : 0;
        int lostAfter = lost(after);
        if (lostAfter > lostBefore) {
            events.add(LoadTestEvent.of(loadTest, after, WORKER_LOST + "-" + lostAfter, "Warning", WORKER_LOST,
                    lostAfter + " of " + Objects.requireNonNullElse(after.getWorkers().getExpected(), 0)
                            + " workers lost; the master moved their users to the workers left", now));
        }
        boolean becameError = Phase.of(after) == Phase.Error && (before == null || Phase.of(before) != Phase.Error
                || !sameRun(before, after));
        String message = Objects.requireNonNullElse(after.getMessage(), "");
        if (becameError && IMAGE_PULL_MESSAGE.matcher(message).find()) {
            events.add(LoadTestEvent.of(loadTest, after, IMAGE_PULL_FAILED, "Warning", IMAGE_PULL_FAILED, message, now));
        } else if (becameError && MASTER_LOST_MESSAGE.matcher(message).find()) {
            events.add(LoadTestEvent.of(loadTest, after, MASTER_LOST, "Warning", MASTER_LOST, message, now));
        }
        Set<String> breachedBefore = sameRun(before, after) ? breached(before) : Set.of();
        Set<String> breachedAfter = breached(after);
        if (!breachedAfter.isEmpty() && !breachedBefore.containsAll(breachedAfter)) {
            events.add(LoadTestEvent.of(loadTest, after, THRESHOLD_BREACHED, "Warning", THRESHOLD_BREACHED,
                    "breached: " + String.join("; ", breachedAfter), now));
        }
        return events;
    }

    private static boolean sameRun(LoadTestStatus before, LoadTestStatus after) {
        return before != null && Objects.equals(before.getRun(), after.getRun());
    }

    private static int lost(LoadTestStatus status) {
        return status.getWorkers() == null || status.getWorkers().getLost() == null ? 0 : status.getWorkers().getLost();
    }

    /** "p95 < 500ms (GET /x): observed 828ms" per breached threshold, in status order. */
    private static Set<String> breached(LoadTestStatus status) {
        if (status.getThresholds() == null) return Set.of();
        return status.getThresholds().stream().filter(t -> Boolean.FALSE.equals(t.getPassed()))
                .map(ProblemEvents::describe)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static String describe(ThresholdResult threshold) {
        String request = threshold.getRequest() == null || threshold.getRequest().isBlank()
                || "Aggregated".equals(threshold.getRequest()) ? "" : " (" + threshold.getRequest() + ")";
        return threshold.getExpr() + request + (threshold.getObserved() == null ? "" : ": observed " + threshold.getObserved());
    }
}
