package io.stampede.runner.load;

import java.util.Arrays;

/**
 * Splits a number of users across user classes in proportion to their weights, the way users are started one
 * after another: user k gets the k-th class of one fixed smooth weighted round robin sequence, so after n users
 * every class has its share within one user (7 users on weights 6:1 split 6 and 1).
 *
 * <p>Moving the total up appends users to the sequence, moving it down removes the latest first. So the split is
 * monotone: one user more changes exactly one class's count by one, and a ramp down stops the users a ramp up
 * started last (LIFO), as Locust does.
 *
 * <p>Threading: not thread safe; owned by one thread (the engine's control thread, or the master's).
 * Memory: one int per user of the highest total reached.
 */
public final class ClassMix {

    private final int[] weights;
    private final int totalWeight;
    private final long[] credit;
    private final int[] counts;
    private int[] sequence = new int[16];
    private int size;

    /** @param weights one per user class, each >= 1, at least one */
    public ClassMix(int[] weights) {
        if (weights.length == 0) throw new IllegalArgumentException("no user classes");
        int sum = 0;
        for (int weight : weights) {
            if (weight < 1) throw new IllegalArgumentException("weight must be >= 1: " + weight);
            sum = Math.addExact(sum, weight);
        }
        this.weights = weights.clone();
        this.totalWeight = sum;
        this.credit = new long[weights.length];
        this.counts = new int[weights.length];
    }

    /** Moves to {@code total} users (>= 0) and returns this. */
    public ClassMix moveTo(int total) {
        if (total < 0) throw new IllegalArgumentException("total must be >= 0: " + total);
        while (size < total) append();
        while (size > total) removeLast();
        return this;
    }

    /** Users now in the class at {@code classIndex}. */
    public int count(int classIndex) {
        return counts[classIndex];
    }

    /** Copies the count of every class into {@code out} (length = classes). */
    public void countsInto(int[] out) {
        System.arraycopy(counts, 0, out, 0, counts.length);
    }

    /** The class of the user at {@code position} (0 = the first started), position < {@link #total()}. */
    public int classAt(int position) {
        if (position < 0 || position >= size) throw new IndexOutOfBoundsException(position);
        return sequence[position];
    }

    public int total() {
        return size;
    }

    public int classes() {
        return weights.length;
    }

    private void append() {
        int best = 0;
        for (int i = 0; i < weights.length; i++) {
            credit[i] += weights[i];
            if (credit[i] > credit[best]) best = i;
        }
        credit[best] -= totalWeight;
        if (size == sequence.length) sequence = Arrays.copyOf(sequence, size * 2);
        sequence[size++] = best;
        counts[best]++;
    }

    /** Exactly undoes the latest {@link #append}, so the sequence stays one and the same whatever the path. */
    private void removeLast() {
        int last = sequence[--size];
        credit[last] += totalWeight;
        for (int i = 0; i < weights.length; i++) {
            credit[i] -= weights[i];
        }
        counts[last]--;
    }
}
