package io.stampede.runner.load;

import java.util.List;

/**
 * The open model: when each task iteration starts, whatever the responses do. The rate follows segments one
 * after another, each moving linearly from its start rate to its end rate; a constant rate is one flat segment.
 * Pure: a function of elapsed time only.
 *
 * <p>Schedule: with A(t) the arrivals due by time t (the integral of the rate from the start), arrival k
 * (0-based) is scheduled at the t where A(t) = k, so arrival 0 starts the run. Every k with A(t) = k before the
 * end is scheduled: {@link #totalArrivals()} = ceil(A(duration)); a constant 200/s for 15 s schedules exactly
 * 3000, 5 ms apart.
 *
 * <p>As a {@link LoadPlan} it plans no users by itself: users are taken from a pool of at most {@code maxUsers}
 * when arrivals need them, so {@link #targetUsersAt} is 0 and {@link #peakUsers} is maxUsers.
 *
 * @param segments at least one; together they have a rate above 0 somewhere
 * @param maxUsers the most virtual users busy at once, >= 1
 */
public record ArrivalRatePlan(List<Segment> segments, int maxUsers) implements LoadPlan {

    /** Numerical slack when counting arrivals: A(end) = 3000.0000001 still means 3000 arrivals. */
    private static final double EPSILON = 1e-6;

    /**
     * A stretch of the schedule.
     *
     * @param durationMillis > 0
     * @param fromPerSecond  rate at its start, arrivals per second, >= 0
     * @param toPerSecond    rate at its end, >= 0
     */
    public record Segment(long durationMillis, double fromPerSecond, double toPerSecond) {

        public Segment {
            if (durationMillis <= 0) throw new IllegalArgumentException("durationMillis must be > 0: " + durationMillis);
            if (!(fromPerSecond >= 0) || !(toPerSecond >= 0) || Double.isInfinite(fromPerSecond)
                    || Double.isInfinite(toPerSecond)) {
                throw new IllegalArgumentException("rates must be finite and >= 0: " + fromPerSecond + ", " + toPerSecond);
            }
        }

        double seconds() {
            return durationMillis / 1000.0;
        }

        /** Arrivals due over the whole segment. */
        double arrivals() {
            return (fromPerSecond + toPerSecond) / 2 * seconds();
        }

        /** Seconds into the segment at which {@code arrivals} (0..arrivals()) are due. */
        double secondsFor(double arrivals) {
            if (arrivals <= 0) return 0;
            double slope = (toPerSecond - fromPerSecond) / seconds();
            // a = from*t + slope*t^2/2, solved in the form that stays accurate for a slope near 0.
            double root = Math.sqrt(Math.max(0, fromPerSecond * fromPerSecond + 2 * slope * arrivals));
            return Math.min(seconds(), 2 * arrivals / (fromPerSecond + root));
        }

        double rateAt(double secondsIn) {
            return fromPerSecond + (toPerSecond - fromPerSecond) * secondsIn / seconds();
        }
    }

    public ArrivalRatePlan {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) throw new IllegalArgumentException("at least one segment is needed");
        if (segments.stream().allMatch(segment -> segment.arrivals() == 0)) {
            throw new IllegalArgumentException("no segment has arrivals");
        }
        if (maxUsers < 1) throw new IllegalArgumentException("maxUsers must be >= 1: " + maxUsers);
    }

    /** A constant rate for a duration. */
    public static ArrivalRatePlan constant(double perSecond, long durationMillis, int maxUsers) {
        return new ArrivalRatePlan(List.of(new Segment(durationMillis, perSecond, perSecond)), maxUsers);
    }

    /** How many arrivals the whole plan schedules. */
    public long totalArrivals() {
        double total = segments.stream().mapToDouble(Segment::arrivals).sum();
        return (long) Math.ceil(total - EPSILON);
    }

    /**
     * When arrival {@code k} is due, in ns after the start.
     *
     * @param k 0 .. totalArrivals() - 1
     * @return its time, or {@link Long#MAX_VALUE} when k is beyond the plan
     */
    public long scheduledNanos(long k) {
        if (k < 0) throw new IllegalArgumentException("k must be >= 0: " + k);
        if (k >= totalArrivals()) return Long.MAX_VALUE;
        double before = 0;
        double startSeconds = 0;
        for (Segment segment : segments) {
            double arrivals = segment.arrivals();
            if (k < before + arrivals) {
                return Math.round((startSeconds + segment.secondsFor(k - before)) * 1e9);
            }
            before += arrivals;
            startSeconds += segment.seconds();
        }
        return Math.round(startSeconds * 1e9); // rounding at the very end: due at the end
    }

    /**
     * The first arrival due at or after a time: the index from which a new split of the arrivals can take effect.
     *
     * @param elapsedNanos ns after the start, >= 0
     * @return 0 .. totalArrivals() (totalArrivals() when none is due that late)
     */
    public long firstArrivalAtOrAfter(long elapsedNanos) {
        long low = 0;
        long high = totalArrivals();
        // Binary search: scheduledNanos is non-decreasing in k.
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (scheduledNanos(mid) >= elapsedNanos) high = mid;
            else low = mid + 1;
        }
        return low;
    }

    /** The planned rate at a time, arrivals per second (for messages and reports). */
    public double ratePerSecondAt(long elapsedMillis) {
        long start = 0;
        for (Segment segment : segments) {
            if (elapsedMillis < start + segment.durationMillis()) {
                return segment.rateAt(Math.max(0, elapsedMillis - start) / 1000.0);
            }
            start += segment.durationMillis();
        }
        return segments.get(segments.size() - 1).toPerSecond();
    }

    /** The highest planned rate, arrivals per second. */
    public double peakRatePerSecond() {
        return segments.stream().mapToDouble(s -> Math.max(s.fromPerSecond(), s.toPerSecond())).max().orElseThrow();
    }

    @Override
    public int targetUsersAt(long elapsedMillis) {
        return 0;
    }

    @Override
    public long durationMillis() {
        return segments.stream().mapToLong(Segment::durationMillis).sum();
    }

    @Override
    public double spawnRatePerSecond() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public int peakUsers() {
        return maxUsers;
    }
}
