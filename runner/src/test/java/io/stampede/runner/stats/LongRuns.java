package io.stampede.runner.stats;

import static io.stampede.runner.stats.Snapshots.START;

/** Simulated long runs: what a master's statistics hold after hours of steady load on many rows. */
public final class LongRuns {

    public static final int ROWS = 20;

    private static StatsAggregator anHour;

    private LongRuns() {
    }

    /**
     * An hour of {@value #ROWS} rows (3 requests a row and second, latencies 10-209 ms), made once per test JVM
     * (it takes seconds) and shared: do not feed it more.
     */
    public static synchronized StatsAggregator anHourOfTwentyRows() {
        if (anHour == null) {
            anHour = new StatsAggregator(START);
            feed(anHour, 0, 3600);
        }
        return anHour;
    }

    /** Seconds [first, last): every row gets 3 requests of a second-dependent latency; 50 users. */
    public static void feed(StatsAggregator aggregator, int first, int last) {
        for (int second = first; second < last; second++) {
            Snapshots interval = Snapshots.interval(second);
            for (int row = 0; row < ROWS; row++) {
                interval.ok(new RowKey("GET", "/api/" + row), 3, 10 + (second * 7 + row) % 200);
            }
            aggregator.accept(interval.build());
            aggregator.completeInterval(second, 50, START + (second + 1) * 1000L);
        }
    }
}
