package io.stampede.operator.run;

import io.stampede.operator.api.LoadTest;
import io.stampede.operator.api.LoadTestStatus;
import io.stampede.operator.api.Phase;
import io.stampede.operator.api.RunRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * When a LoadTest starts a new run, and the status it starts with: a LoadTest runs once per generation. The first
 * reconcile starts run 1; a finished run whose spec has since changed, or whose {@value RunAnnotations#RERUN}
 * annotation has a new value, starts the next run, and the finished run moves to {@code status.history} (newest
 * first, {@link RunRecord#KEPT} kept). Pure functions.
 */
public final class StartRun {

    private StartRun() {
    }

    public static boolean needed(LoadTest loadTest) {
        LoadTestStatus status = loadTest.getStatus();
        if (status == null || status.getRun() == null || status.getObservedGeneration() == null) return true;
        if (!Phase.of(status).isFinished()) return false;
        String rerun = RunAnnotations.rerun(loadTest);
        return status.getObservedGeneration() != loadTest.getMetadata().getGeneration().longValue()
                || rerun != null && !rerun.equals(status.getRerun());
    }

    /** The status of the next run, Pending, remembering the last run in the history. */
    public static LoadTestStatus next(LoadTest loadTest) {
        LoadTestStatus previous = loadTest.getStatus();
        LoadTestStatus status = new LoadTestStatus();
        status.setRun(previous == null || previous.getRun() == null ? 1 : previous.getRun() + 1);
        status.setObservedGeneration(loadTest.getMetadata().getGeneration());
        status.setRerun(RunAnnotations.rerun(loadTest));
        status.setPhase(Phase.Pending.name());
        status.setMessage("waiting to be provisioned");
        List<RunRecord> history = new ArrayList<>();
        if (previous != null && previous.getRun() != null && Phase.of(previous).isFinished()) {
            history.add(record(previous));
        }
        if (previous != null && previous.getHistory() != null) history.addAll(previous.getHistory());
        if (!history.isEmpty()) status.setHistory(new ArrayList<>(history.subList(0, Math.min(history.size(), RunRecord.KEPT))));
        if (previous != null && previous.getConditions() != null) status.setConditions(new ArrayList<>(previous.getConditions()));
        return status;
    }

    private static RunRecord record(LoadTestStatus finished) {
        RunRecord record = new RunRecord();
        record.setRun(finished.getRun());
        record.setGeneration(finished.getObservedGeneration());
        record.setPhase(finished.getPhase());
        record.setStartTime(finished.getStartTime());
        record.setCompletionTime(finished.getCompletionTime());
        record.setMessage(finished.getMessage());
        record.setTotal(finished.getSummary() == null ? null : finished.getSummary().getTotal());
        return record;
    }
}
