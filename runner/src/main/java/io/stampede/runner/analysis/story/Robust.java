package io.stampede.runner.analysis.story;

import java.util.Arrays;

/**
 * Order statistics that one outlier cannot move: the story compares medians and quantiles, never means, so a
 * single stalled second on a healthy run does not become a pattern. Pure; NaN for an empty input.
 */
final class Robust {

    private Robust() {
    }

    static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** The q-quantile (0..1), interpolated between the closest ranks. */
    static double quantile(double[] values, double q) {
        if (values.length == 0) return Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    /**
     * Spearman's rank correlation (-1..1): how monotone y is in x, whatever the curve's shape. NaN with fewer
     * than 3 pairs or when either side is constant.
     */
    static double spearman(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
        if (x.length < 3) return Double.NaN;
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElseThrow();
        double my = Arrays.stream(ry).average().orElseThrow();
        double covariance = 0;
        double vx = 0;
        double vy = 0;
        for (int i = 0; i < rx.length; i++) {
            covariance += (rx[i] - mx) * (ry[i] - my);
            vx += (rx[i] - mx) * (rx[i] - mx);
            vy += (ry[i] - my) * (ry[i] - my);
        }
        return vx == 0 || vy == 0 ? Double.NaN : covariance / Math.sqrt(vx * vy);
    }

    /** Ranks 1..n, ties sharing their mean rank. */
    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) ranks[order[k]] = rank;
            i = j + 1;
        }
        return ranks;
    }
}
