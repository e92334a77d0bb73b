package io.stampede.runner.load;

/**
 * Which arrivals of an {@link ArrivalRatePlan} one generator takes, from a given arrival on, and with how many users
 * at most: arrivals {@code k >= fromArrival} with {@code (k - fromArrival) mod slots == slot}, i.e.
 * {@code fromArrival + slot}, then every {@code slots}-th. The workers of a run hold slots 0..slots-1 of one split,
 * so together they take every arrival exactly once, each at its time of the common schedule; a worker's event
 * loops split its share again the same way ({@link #part}). A share with no slots takes nothing. Pure and immutable.
 *
 * @param fromArrival first arrival index the share applies to, >= 0; earlier arrivals follow the previous share
 * @param slot        0 .. slots - 1 (0 when slots is 0)
 * @param slots       how many generators split the arrivals from fromArrival on, >= 0 (0: this one takes none)
 * @param maxUsers    the most users this generator keeps for its arrivals, >= 0
 */
public record ArrivalShare(long fromArrival, int slot, int slots, int maxUsers) {

    public ArrivalShare {
        if (fromArrival < 0) throw new IllegalArgumentException("fromArrival must be >= 0: " + fromArrival);
        if (slots < 0 || maxUsers < 0) throw new IllegalArgumentException("slots and maxUsers must be >= 0");
        if (slots == 0 ? slot != 0 : slot < 0 || slot >= slots) {
            throw new IllegalArgumentException("slot must be in 0.." + (slots - 1) + ": " + slot);
        }
    }

    /** All of a plan's arrivals, from the first. */
    public static ArrivalShare whole(int maxUsers) {
        return new ArrivalShare(0, 0, 1, maxUsers);
    }

    /** No arrivals from {@code fromArrival} on. */
    public static ArrivalShare none(long fromArrival) {
        return new ArrivalShare(fromArrival, 0, 0, 0);
    }

    public boolean takesAny() {
        return slots > 0;
    }

    /** The first arrival index taken, or {@link Long#MAX_VALUE} for none. */
    public long first() {
        return slots == 0 ? Long.MAX_VALUE : fromArrival + slot;
    }

    /** Between two arrival indexes taken, >= 1 (1 for a share that takes none, whose {@link #first} is the end). */
    public long stride() {
        return Math.max(1, slots);
    }

    /**
     * Part {@code index} of this share split over {@code parts} generators (a worker's event loops): as many parts
     * take arrivals as there are users for them ({@code min(parts, maxUsers)}), the others none; maxUsers is split
     * as evenly as whole numbers allow, the first parts getting the leftovers.
     *
     * @param index 0 .. parts - 1
     * @param parts >= 1
     */
    public ArrivalShare part(int index, int parts) {
        if (parts < 1 || index < 0 || index >= parts) throw new IllegalArgumentException("part " + index + " of " + parts);
        int taking = Math.min(parts, maxUsers);
        if (slots == 0 || index >= taking) return none(fromArrival);
        return new ArrivalShare(fromArrival, slot + slots * index, slots * taking, evenPart(maxUsers, taking, index));
    }

    /**
     * How many arrivals this share takes below index {@code end} (exclusive): with {@code end} the next share's
     * fromArrival, or the plan's total, the arrivals it was given.
     */
    public long countBefore(long end) {
        if (slots == 0 || end <= first()) return 0;
        return (end - first() + slots - 1) / slots;
    }

    /** Part {@code index} (0-based) of {@code total} split into {@code parts} (>= 1) differing by at most one. */
    public static int evenPart(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }
}
