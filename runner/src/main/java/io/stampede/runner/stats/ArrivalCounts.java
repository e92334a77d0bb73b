package io.stampede.runner.stats;

/**
 * What happened to the open model's arrivals (spec.load.arrivalRate); all zero in a closed-model run.
 *
 * @param scheduled arrivals that came due, >= 0
 * @param started   arrivals that started a task iteration on a free user; scheduled = started + dropped
 * @param dropped   arrivals that found every one of maxUsers busy, so no iteration started
 * @param late      started arrivals whose start came more than {@link #LATE_MILLIS} ms after their scheduled time
 *                  because the generator (its event loop) was busy; their latency still counts from the schedule
 */
public record ArrivalCounts(long scheduled, long started, long dropped, long late) {

    /** How late a start may be before it counts as late, in ms: the loop-lag limit of the generator health. */
    public static final long LATE_MILLIS = 20;

    public static final ArrivalCounts NONE = new ArrivalCounts(0, 0, 0, 0);

    public ArrivalCounts plus(ArrivalCounts other) {
        return new ArrivalCounts(scheduled + other.scheduled, started + other.started, dropped + other.dropped,
                late + other.late);
    }

    /** Whether these come from an open-model run (anything was scheduled). */
    public boolean any() {
        return scheduled > 0;
    }

    /** Dropped as a fraction of scheduled, 0..1 (0 when nothing was scheduled). */
    public double droppedRate() {
        return scheduled == 0 ? 0 : (double) dropped / scheduled;
    }
}
