package io.stampede.runner.stats;

/**
 * A threshold's verdict.
 *
 * @param observed     the observed value in the metric's base unit (ms, fraction 0..1, per second, count);
 *                     NaN when the row it is scoped to had no requests
 * @param observedText the observed value as users read it ({@code 812ms}, {@code 0.35%}), or {@code no requests}
 */
public record ThresholdResult(Threshold threshold, double observed, String observedText, boolean passed) {

    public static final String NO_REQUESTS = "no requests";

    /** The limit as users read it, e.g. {@code 1s}. */
    public String limitText() {
        return HumanFormat.metric(threshold.metric(), threshold.limit());
    }

    public boolean hadNoRequests() {
        return Double.isNaN(observed);
    }
}
