package io.stampede.runner.cluster.master;

import io.stampede.runner.load.ArrivalShare;

import java.util.ArrayList;
import java.util.List;

/**
 * Which worker takes which arrivals of the open model, from a given arrival on: the arrivals are dealt in turn
 * (worker 0 takes arrival {@code from}, worker 1 the next, ...), so each of W workers runs rate/W of every constant
 * rate and every stage, on the one schedule they all share, and the sum over workers is exactly the plan's.
 * maxUsers is split as evenly as whole numbers allow, the first workers getting the leftovers, so the shares sum
 * to it exactly. With fewer maxUsers than workers only the first maxUsers workers take arrivals (a worker with no
 * user would drop all of its own). The same split as a worker's event loops make of its share
 * ({@link ArrivalShare#part}), applied to all arrivals from {@code fromArrival} on. Pure.
 */
public final class ArrivalAssignment {

    private ArrivalAssignment() {
    }

    /**
     * @param fromArrival the first arrival the split applies to, >= 0 (0 at the start; after a loss, one that is
     *                    not due yet)
     * @param workers     running workers, >= 1
     * @param maxUsers    the plan's maxUsers, >= 1
     * @return one share per worker, in the workers' order
     */
    public static List<ArrivalShare> split(long fromArrival, int workers, int maxUsers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1: " + workers);
        ArrivalShare all = new ArrivalShare(fromArrival, 0, 1, maxUsers);
        List<ArrivalShare> shares = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) shares.add(all.part(w, workers));
        return shares;
    }

    /**
     * How many arrivals one worker was given before arrival {@code end}, over the shares it held in turn.
     *
     * @param shares the worker's shares, oldest first, each in force until the next one's fromArrival
     * @param end    exclusive; at most the plan's total arrivals
     */
    public static long given(List<ArrivalShare> shares, long end) {
        long sum = 0;
        for (int i = 0; i < shares.size(); i++) {
            long until = i + 1 < shares.size() ? Math.min(end, shares.get(i + 1).fromArrival()) : end;
            sum += shares.get(i).countBefore(until);
        }
        return sum;
    }
}
