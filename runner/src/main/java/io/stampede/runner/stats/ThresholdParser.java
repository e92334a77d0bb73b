package io.stampede.runner.stats;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses threshold expressions such as {@code p95 < 2s}, {@code failureRate < 1%} or {@code rps > 50} into
 * {@link Threshold}s, with the limit converted to the metric's base unit. Pure and thread safe.
 *
 * <p>Values: latencies (avg, min, max, pNN) need a time unit, {@code ms}, {@code s} or {@code m};
 * failureRate takes a percentage ({@code 1%}) or a fraction 0..1 ({@code 0.01}); rps, failures and requests take
 * plain numbers. {@code ==} holds on an exact value ({@code dropped == 0}, {@code failures == 0}). dropped (the
 * open model's arrivals that found no free user) takes a count ({@code dropped <= 0})
 * or a percentage of the scheduled arrivals ({@code dropped < 1%}), over the whole run only. Negative limits are
 * rejected.
 */
public final class ThresholdParser {

    private static final List<String> OPERATORS = List.of("<", "<=", ">", ">=", "==");
    private static final Pattern METRIC = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9.]*)\\s*");
    private static final Pattern OPERATOR = Pattern.compile("([<>=!]+)\\s*");
    private static final Pattern VALUE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*([A-Za-z%/]*)\\s*$");

    private ThresholdParser() {
    }

    /**
     * @param expr    the expression as written
     * @param request the stats row label it is scoped to, or null for the aggregate (not checked here)
     * @throws IllegalArgumentException with a message for people naming what was expected
     */
    public static Threshold parse(String expr, String request) {
        Matcher metricMatch = METRIC.matcher(expr);
        if (!metricMatch.lookingAt()) {
            throw new IllegalArgumentException("expected a metric first, as in 'p95 < 2s', got '" + expr + "'");
        }
        String metric = metricMatch.group(1);
        if (!Threshold.METRICS.contains(metric)) {
            throw new IllegalArgumentException("unknown metric '" + metric + "'; expected one of "
                    + String.join(", ", Threshold.METRICS));
        }
        Matcher operatorMatch = OPERATOR.matcher(expr).region(metricMatch.end(), expr.length());
        if (!operatorMatch.lookingAt()) {
            throw new IllegalArgumentException("expected an operator (" + String.join(" ", OPERATORS)
                    + ") after '" + metric + "', as in '" + metric + " < " + example(metric) + "'");
        }
        String symbol = operatorMatch.group(1);
        Threshold.Comparison op = comparison(symbol);
        Matcher valueMatch = VALUE.matcher(expr).region(operatorMatch.end(), expr.length());
        if (!valueMatch.lookingAt()) {
            throw new IllegalArgumentException("expected a value after '" + metric + " " + symbol + "', such as "
                    + example(metric) + ", got '" + expr.substring(operatorMatch.end()).strip() + "'");
        }
        double number = Double.parseDouble(valueMatch.group(1));
        if (number < 0) {
            throw new IllegalArgumentException("the limit must not be negative, got " + valueMatch.group(1));
        }
        String unit = valueMatch.group(2);
        if (metric.equals("dropped")) {
            if (request != null) {
                throw new IllegalArgumentException("dropped counts the arrivals of the whole run, not of one request;"
                        + " remove request");
            }
            if (unit.equals("%")) {
                if (number > 100) {
                    throw new IllegalArgumentException("a share of arrivals is at most 100%, got " + number + "%");
                }
                return new Threshold(expr.strip(), null, Threshold.DROPPED_RATE, op, number / 100);
            }
            if (!unit.isEmpty()) {
                throw new IllegalArgumentException("dropped takes a count such as 0 or a percentage such as 1%, got "
                        + "the unit '" + unit + "'");
            }
            return new Threshold(expr.strip(), null, metric, op, number);
        }
        double limit = limit(metric, number, unit);
        return new Threshold(expr.strip(), request, metric, op, limit);
    }

    private static Threshold.Comparison comparison(String symbol) {
        for (Threshold.Comparison comparison : Threshold.Comparison.values()) {
            if (comparison.symbol().equals(symbol)) {
                return comparison;
            }
        }
        throw new IllegalArgumentException("unknown operator '" + symbol + "'; expected one of "
                + String.join(" ", OPERATORS));
    }

    private static double limit(String metric, double number, String unit) {
        switch (metric) {
            case "failureRate" -> {
                if (unit.equals("%")) {
                    if (number > 100) {
                        throw new IllegalArgumentException("a failure rate is at most 100%, got " + number + "%");
                    }
                    return number / 100;
                }
                if (!unit.isEmpty()) {
                    throw new IllegalArgumentException("failureRate takes a percentage such as 1% or a fraction "
                            + "such as 0.01, got the unit '" + unit + "'");
                }
                if (number > 1) {
                    throw new IllegalArgumentException("failureRate as a fraction is 0..1; for percent write "
                            + formatNumber(number) + "%");
                }
                return number;
            }
            case "rps", "failures", "requests" -> {
                if (!unit.isEmpty()) {
                    throw new IllegalArgumentException(metric + " takes a plain number such as "
                            + example(metric) + ", got the unit '" + unit + "'");
                }
                return number;
            }
            default -> {
                return latencyMillis(metric, number, unit);
            }
        }
    }

    private static double latencyMillis(String metric, double number, String unit) {
        return switch (unit) {
            case "ms" -> number;
            case "s" -> number * 1000;
            case "m" -> number * 60_000;
            case "" -> throw new IllegalArgumentException(metric + " is a latency and needs a time unit (ms, s or m),"
                    + " such as " + formatNumber(number) + "s or " + formatNumber(number) + "ms");
            default -> throw new IllegalArgumentException("unknown time unit '" + unit + "' for " + metric
                    + "; expected ms, s or m");
        };
    }

    private static String example(String metric) {
        return switch (metric) {
            case "failureRate" -> "1%";
            case "rps" -> "50";
            case "failures", "requests" -> "10";
            case "dropped" -> "1%";
            default -> "500ms";
        };
    }

    private static String formatNumber(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
