package io.stampede.runner.analysis.story;

import io.stampede.runner.stats.HistorySecond;
import io.stampede.runner.stats.IntervalStats;
import io.stampede.runner.stats.RowKey;
import io.stampede.runner.stats.RowStats;
import io.stampede.runner.stats.StatsAggregator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds a run's history second by second through the real {@link StatsAggregator}, so every figure the story
 * reads (the second's own percentiles above all) comes from real histograms. Latencies are drawn around a typical
 * value with a log-normal spread (p95 about 1.5 times the median), request counts with Poisson-like spread, from a
 * seeded random: a test is repeatable, and a loop over seeds shows it holds beyond one lucky draw.
 *
 * <p>{@link #withStalls()} adds what a healthy run on a busy machine shows: about one second in 40 where a tenth
 * of the requests took five times longer (a GC pause, the VM descheduled).
 */
final class SyntheticRun {

    static final long START = 1_700_000_000_000L;
    static final RowKey PRODUCTS = new RowKey("GET", "/api/products");
    static final RowKey SEARCH = new RowKey("GET", "/api/search");

    private final Random random;
    private final StatsAggregator aggregator = new StatsAggregator(START);
    private long nextId;
    private boolean stalls;

    SyntheticRun(long seed) {
        random = new Random(seed);
    }

    /** Adds random stalls to every second from now on (see the class comment). */
    SyntheticRun withStalls() {
        stalls = true;
        return this;
    }

    interface Shape {
        /** Fills second {@code i} (0-based within this call, and {@code elapsed} s since the run's start). */
        void fill(int i, long elapsed, SecondBuilder second);
    }

    /** Appends {@code count} seconds shaped by {@code shape}. */
    SyntheticRun seconds(int count, Shape shape) {
        for (int i = 0; i < count; i++) {
            SecondBuilder second = new SecondBuilder();
            shape.fill(i, nextId, second);
            aggregator.accept(new IntervalStats(nextId, second.rows));
            aggregator.completeInterval(nextId, second.users, START + (nextId + 1) * 1000);
            nextId++;
        }
        return this;
    }

    List<HistorySecond> history() {
        return aggregator.history();
    }

    final class SecondBuilder {
        private final Map<RowKey, RowStats> rows = new HashMap<>();
        private int users;

        SecondBuilder users(int users) {
            this.users = users;
            return this;
        }

        /** About {@code perSecond} successful requests around {@code typicalMs}. */
        SecondBuilder ok(RowKey row, double perSecond, double typicalMs) {
            return requests(row, perSecond, typicalMs, 0, null);
        }

        /** About {@code perSecond} requests, a share {@code failing} (0..1) of them failed with {@code cause}. */
        SecondBuilder requests(RowKey row, double perSecond, double typicalMs, double failing, String cause) {
            int count = (int) Math.max(0, Math.round(perSecond + random.nextGaussian() * Math.sqrt(perSecond)));
            boolean stalled = stalls && random.nextInt(40) == 0;
            RowStats stats = rows.computeIfAbsent(row, key -> new RowStats());
            for (int i = 0; i < count; i++) {
                double ms = typicalMs * Math.exp(0.25 * random.nextGaussian());
                if (stalled && random.nextInt(10) == 0) ms *= 5;
                long micros = Math.max(1, Math.round(ms * 1000));
                if (random.nextDouble() < failing) {
                    stats.recordFailure(micros, 0, cause);
                } else {
                    stats.recordSuccess(micros, 100);
                }
            }
            return this;
        }

        /** Exactly {@code count} requests of {@code ms} each (no spread), for a spike of a known size. */
        SecondBuilder exactly(RowKey row, int count, double ms) {
            RowStats stats = rows.computeIfAbsent(row, key -> new RowStats());
            for (int i = 0; i < count; i++) stats.recordSuccess(Math.round(ms * 1000), 100);
            return this;
        }
    }
}
