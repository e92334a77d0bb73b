package io.stampede.runner.engine;

import java.util.SplittableRandom;

/**
 * Picks indexes in proportion to integer weights.
 *
 * <p>{@link #pickRandom} is a weighted random draw (how a user picks its next task, like Locust). {@link #nextInTurn}
 * is a smooth weighted round robin (how new users are assigned a class): deterministic, and after n picks every
 * index has been chosen within one of n × weight / total times, so even 7 users on weights 6:1 split 6 and 1.
 *
 * <p>Threading: {@link #pickRandom} is thread safe (the random source is the caller's); {@link #nextInTurn} is not.
 */
public final class WeightedPicker {

    private final int[] weights;
    private final int[] cumulative;
    private final int total;
    private final long[] credit;

    /** @param weights each >= 1, at least one */
    public WeightedPicker(int[] weights) {
        if (weights.length == 0) throw new IllegalArgumentException("no weights");
        this.weights = weights.clone();
        this.cumulative = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 1) throw new IllegalArgumentException("weight must be >= 1: " + weights[i]);
            sum += weights[i];
            cumulative[i] = sum;
        }
        this.total = sum;
        this.credit = new long[weights.length];
    }

    public int pickRandom(SplittableRandom random) {
        if (cumulative.length == 1) return 0;
        int ticket = random.nextInt(total);
        for (int i = 0; i < cumulative.length; i++) {
            if (ticket < cumulative[i]) return i;
        }
        return cumulative.length - 1; // unreachable
    }

    public int nextInTurn() {
        int best = 0;
        for (int i = 0; i < weights.length; i++) {
            credit[i] += weights[i];
            if (credit[i] > credit[best]) best = i;
        }
        credit[best] -= total;
        return best;
    }
}
