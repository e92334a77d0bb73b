package io.stampede.runner.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds interval snapshots by hand, the way a recorder's drain would hand them over. */
public final class Snapshots {

    public static final long START = 1_700_000_000_000L;
    public static final RowKey PRODUCT = new RowKey("GET", "/api/products/{id}");
    public static final RowKey ORDERS = new RowKey("POST", "/api/orders");

    private final long intervalId;
    private final Map<RowKey, RowStats> rows = new LinkedHashMap<>();

    private Snapshots(long intervalId) {
        this.intervalId = intervalId;
    }

    public static Snapshots interval(long intervalId) {
        return new Snapshots(intervalId);
    }

    public Snapshots ok(RowKey row, int count, double ms) {
        return ok(row, count, ms, 0);
    }

    public Snapshots ok(RowKey row, int count, double ms, long bytes) {
        RowStats stats = rows.computeIfAbsent(row, key -> new RowStats());
        for (int i = 0; i < count; i++) {
            stats.recordSuccess(Math.round(ms * 1000), bytes);
        }
        return this;
    }

    public Snapshots fail(RowKey row, int count, double ms, String cause) {
        RowStats stats = rows.computeIfAbsent(row, key -> new RowStats());
        for (int i = 0; i < count; i++) {
            stats.recordFailure(Math.round(ms * 1000), 0, cause);
        }
        return this;
    }

    public IntervalStats build() {
        return new IntervalStats(intervalId, rows);
    }

    /** Completes intervals first..last (inclusive), each one second long, with the given users. */
    public static void complete(StatsAggregator aggregator, long first, long last, int users) {
        for (long id = first; id <= last; id++) {
            aggregator.completeInterval(id, users, START + (id + 1) * 1000);
        }
    }

    /**
     * A 10 s run of 10 users: GET /api/products/{id} 90 x 10 ms + 8 x 1400 ms (1000 bytes each) + 2 failures
     * "HTTP 503" at 1400 ms; POST /api/orders 50 x 100 ms.
     */
    public static RunSummary sampleRun() {
        StatsAggregator aggregator = new StatsAggregator(START);
        aggregator.accept(interval(0)
                .ok(PRODUCT, 90, 10, 1000).ok(PRODUCT, 8, 1400, 1000).fail(PRODUCT, 2, 1400, "HTTP 503")
                .ok(ORDERS, 50, 100).build());
        complete(aggregator, 0, 9, 10);
        return aggregator.summary("shop-api", START + 10_000);
    }
}
