package io.stampede.runner.cluster.master;

import io.stampede.runner.cluster.protocol.MasterMessage;
import io.stampede.runner.load.ArrivalRatePlan;
import io.stampede.runner.load.ArrivalShare;

import java.util.ArrayList;
import java.util.List;

/**
 * The open model on the master: deals the arrivals to the running workers ({@link ArrivalAssignment}) at the start,
 * and again whenever a worker is lost or finishes early, so that the run keeps the planned total rate.
 *
 * <p>A re-split takes effect at the first arrival due {@link #LEAD_MILLIS} after the master decided it, so that it
 * reaches every survivor before that arrival is due: until then each survivor keeps its old share, from then on
 * they share every arrival. The arrivals the departed worker was given before that point and never reported (those
 * between its last snapshot and the re-split, including those of its last unreported second) are counted as
 * scheduled and dropped, so that scheduled stays the plan's total and a drop threshold sees them.
 *
 * <p>Threading: the master's thread.
 */
final class ArrivalDealer {

    /** How long before it takes effect a re-split is sent, ms: well above a message's way to a worker. */
    static final long LEAD_MILLIS = 500;

    private final ArrivalRatePlan plan;
    /** The workers of the split in force, in its order. */
    private List<WorkerRecord> dealtTo = List.of();
    private long lastFrom;

    ArrivalDealer(ArrivalRatePlan plan) {
        this.plan = plan;
    }

    /**
     * Splits the arrivals over {@code running} (the first time from arrival 0, later from the first one due
     * {@link #LEAD_MILLIS} after {@code elapsedMillis}) and sends each its share.
     *
     * @return arrivals given to workers that left the split and not reported by them: unsent, to count as dropped
     */
    long deal(long elapsedMillis, List<WorkerRecord> running) {
        long from = dealtTo.isEmpty() ? 0
                : Math.max(lastFrom, plan.firstArrivalAtOrAfter((elapsedMillis + LEAD_MILLIS) * 1_000_000));
        long unsent = 0;
        for (WorkerRecord gone : dealtTo) {
            if (!running.contains(gone)) unsent += unreported(gone, from);
        }
        List<ArrivalShare> shares = ArrivalAssignment.split(from, running.size(), plan.maxUsers());
        for (int i = 0; i < running.size(); i++) {
            WorkerRecord worker = running.get(i);
            ArrivalShare share = shares.get(i);
            worker.arrivalShares.add(share);
            worker.connection.send(new MasterMessage.Arrivals(share.fromArrival(), share.slot(), share.slots(),
                    share.maxUsers()));
        }
        dealtTo = new ArrayList<>(running);
        lastFrom = from;
        return unsent;
    }

    /** The arrivals a worker was given before {@code end} that its snapshots did not count. */
    private long unreported(WorkerRecord worker, long end) {
        long given = ArrivalAssignment.given(worker.arrivalShares, Math.min(end, plan.totalArrivals()));
        return Math.max(0, given - worker.arrivalsReported);
    }
}
