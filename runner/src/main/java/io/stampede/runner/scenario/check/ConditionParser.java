package io.stampede.runner.scenario.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the right-hand side of an {@code expect.json} entry as written: a plain value ({@code "ok"}, {@code 5},
 * {@code true}) means equal to it; a text starting with an operator ({@code "> 0"}, {@code "!= error"},
 * {@code "== > 0"} for the literal text {@code > 0}) compares; {@code exists}; {@code matches /re/}. Pure.
 */
public final class ConditionParser {

    static final String EXPECTED = "expected a value (\"ok\", 5, true), an operator and a value (\"> 0\", "
            + "\"!= error\"; operators == != > >= < <=), exists, or matches /regex/";

    /** Longest first, so ">=" is not read as ">" followed by "=". */
    private static final List<String> OPERATORS = List.of("==", "!=", ">=", "<=", ">", "<");

    private ConditionParser() {
    }

    /** @throws IllegalArgumentException saying what was expected */
    public static Condition parse(JsonNode written) {
        if (written == null || written.isNull() || written.isMissingNode() || written.isContainerNode()) {
            throw new IllegalArgumentException(EXPECTED + ", got " + kind(written));
        }
        if (written.isNumber()) {
            return new Condition.Equals(written.decimalValue(), false, written.asText());
        }
        if (written.isBoolean()) {
            return new Condition.Equals(written.booleanValue(), false, written.asText());
        }
        return parseText(written.textValue());
    }

    private static Condition parseText(String text) {
        String stripped = text.strip();
        if (stripped.equals("exists")) {
            return new Condition.Exists();
        }
        if (stripped.equals("matches") || stripped.startsWith("matches ")) {
            return matches(stripped.substring("matches".length()).strip());
        }
        for (String operator : OPERATORS) {
            if (stripped.startsWith(operator)) {
                return operation(operator, stripped.substring(operator.length()).strip());
            }
        }
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(EXPECTED + ", got an empty text");
        }
        return new Condition.Equals(text, false, quote(text));
    }

    private static Condition operation(String operator, String operand) {
        if (operand.isEmpty()) {
            throw new IllegalArgumentException("expected a value after '" + operator + "', such as '"
                    + operator + " 0'");
        }
        BigDecimal number = Condition.Numbers.parse(operand);
        if (operator.equals("==") || operator.equals("!=")) {
            boolean negated = operator.equals("!=");
            Object expected = number != null ? number
                    : operand.equals("true") || operand.equals("false") ? Boolean.valueOf(operand)
                    : unquote(operand);
            String shown = expected instanceof String s ? quote(s) : operand;
            return new Condition.Equals(expected, negated, negated ? "!= " + shown : shown);
        }
        if (number == null) {
            throw new IllegalArgumentException("expected a number after '" + operator + "', such as '"
                    + operator + " 0', got '" + operand + "'");
        }
        return new Condition.Compare(operator, number);
    }

    private static Condition matches(String operand) {
        if (operand.length() < 2 || !operand.startsWith("/") || !operand.endsWith("/")) {
            throw new IllegalArgumentException("expected matches /regex/, such as matches /^[0-9a-f-]{36}$/, got '"
                    + ("matches " + operand).strip() + "'");
        }
        String regex = operand.substring(1, operand.length() - 1);
        try {
            return new Condition.Matches(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the regular expression /" + regex + "/ is invalid: "
                    + e.getDescription() + " near position " + Math.max(0, e.getIndex()));
        }
    }

    private static String unquote(String operand) {
        boolean quoted = operand.length() >= 2 && (operand.startsWith("\"") && operand.endsWith("\"")
                || operand.startsWith("'") && operand.endsWith("'"));
        return quoted ? operand.substring(1, operand.length() - 1) : operand;
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return "nothing (null)";
        return node.isArray() ? "a list" : "a map";
    }
}
