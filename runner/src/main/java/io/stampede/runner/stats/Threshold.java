package io.stampede.runner.stats;

/**
 * A parsed threshold such as {@code p95 < 2s}, optionally scoped to one stats row.
 *
 * @param expr    the expression as written, for reports
 * @param request the row label it is scoped to ({@code GET /api/products/{id}}), or null for the aggregate
 * @param metric  one of {@link #METRICS}
 * @param op      the comparison that must hold for the threshold to pass
 * @param limit   the limit in the metric's base unit: milliseconds for latency metrics (avg, min, max, pNN),
 *                a fraction 0..1 for failureRate and droppedRate, requests per second for rps, a count for
 *                failures, requests and dropped
 */
public record Threshold(String expr, String request, String metric, Comparison op, double limit) {

    /** The metrics a threshold can name, as the contract lists them. */
    public static final java.util.List<String> METRICS = java.util.List.of(
            "avg", "min", "max", "p50", "p66", "p75", "p80", "p90", "p95", "p98", "p99", "p99.9", "p99.99",
            "rps", "failureRate", "failures", "requests", "dropped");

    /**
     * The internal metric of {@code dropped} written with a percentage ({@code dropped < 1%}): dropped arrivals
     * as a fraction of scheduled ones. A plain number ({@code dropped <= 0}) limits their count.
     */
    public static final String DROPPED_RATE = "droppedRate";

    public enum Comparison {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("==");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean holds(double observed, double limit) {
            return switch (this) {
                case LT -> observed < limit;
                case LE -> observed <= limit;
                case GT -> observed > limit;
                case GE -> observed >= limit;
                case EQ -> observed == limit;
            };
        }
    }

    /** Whether the metric is a latency, reported and limited in milliseconds. */
    public boolean isLatency() {
        return metric.equals("avg") || metric.equals("min") || metric.equals("max") || metric.matches("p[0-9.]+");
    }
}
