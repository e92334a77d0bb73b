package io.stampede.runner.scenario.check;

import io.stampede.runner.scenario.extract.JsonPath;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What a value selected by a JSONPath must be: equal to a value, compared with a number, present, or matching a
 * regular expression. Pure and thread safe. An absent value (or JSON null) fails every condition.
 */
public sealed interface Condition {

    /** @param value as {@link JsonPath#select} gives it: String, Boolean, Number, a JSON tree, or null when absent */
    boolean test(Object value);

    /** The condition as written, for failure causes: {@code "ok"}, {@code > 0}, {@code exists}. */
    String describe();

    /**
     * {@code == value} or {@code != value} (a plain value means {@code ==}). Numbers compare by value
     * ({@code 5 == 5.0}); anything else compares as text, so {@code true} equals the JSON {@code true}.
     *
     * @param expected a String, BigDecimal or Boolean
     */
    record Equals(Object expected, boolean negated, String written) implements Condition {
        @Override
        public boolean test(Object value) {
            if (value == null) {
                return false;
            }
            boolean equal;
            BigDecimal number = expected instanceof BigDecimal decimal ? decimal : null;
            BigDecimal actual = number != null ? Numbers.decimal(value) : null;
            if (number != null && actual != null) {
                equal = number.compareTo(actual) == 0;
            } else {
                equal = expected.toString().equals(JsonPath.text(value));
            }
            return equal != negated;
        }

        @Override
        public String describe() {
            return written;
        }
    }

    /** {@code > n}, {@code >= n}, {@code < n}, {@code <= n}: the value must be a number (or numeric text). */
    record Compare(String operator, BigDecimal operand) implements Condition {
        @Override
        public boolean test(Object value) {
            BigDecimal actual = value == null ? null : Numbers.decimal(value);
            if (actual == null) {
                return false;
            }
            int order = actual.compareTo(operand);
            return switch (operator) {
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                default -> throw new IllegalStateException(operator);
            };
        }

        @Override
        public String describe() {
            return operator + " " + operand.toPlainString();
        }
    }

    /** {@code exists}: the path selects a value other than JSON null. */
    record Exists() implements Condition {
        @Override
        public boolean test(Object value) {
            return value != null;
        }

        @Override
        public String describe() {
            return "exists";
        }
    }

    /** {@code matches /re/}: the value's text contains a match (anchor with ^ and $ for the whole text). */
    record Matches(Pattern pattern) implements Condition {
        @Override
        public boolean test(Object value) {
            return value != null && pattern.matcher(JsonPath.text(value)).find();
        }

        @Override
        public String describe() {
            return "matches /" + pattern.pattern() + "/";
        }
    }

    /** Numbers of JSON values and numeric text, for comparisons. */
    final class Numbers {
        private Numbers() {
        }

        /** The value as a number, or null when it is not one (nor text that reads as one). */
        static BigDecimal decimal(Object value) {
            if (value instanceof BigDecimal decimal) return decimal;
            if (value instanceof Integer || value instanceof Long) return BigDecimal.valueOf(((Number) value).longValue());
            if (value instanceof java.math.BigInteger big) return new BigDecimal(big);
            if (value instanceof Number number) {
                double d = number.doubleValue();
                return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            }
            if (value instanceof String text) {
                return parse(text.strip());
            }
            return null;
        }

        /** A plain decimal number such as {@code -1.5} or {@code 20}, or null. */
        static BigDecimal parse(String text) {
            if (!text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
                return null;
            }
            return new BigDecimal(text);
        }
    }
}
