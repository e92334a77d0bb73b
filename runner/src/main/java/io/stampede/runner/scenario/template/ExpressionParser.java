package io.stampede.runner.scenario.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses one {@code ${...}} expression starting at a {@code $}: a name, optionally called with arguments.
 * Single use; after {@link #parse()}, {@link #end()} is where the text goes on (past the closing brace, or past
 * the rest of a broken expression).
 */
final class ExpressionParser {

    /** The namespace of spec.setup's values: {@code ${setup.NAME}}. */
    private static final String SETUP = "setup";

    private final String text;
    private final int start;
    private final TemplateScope scope;
    private int index;
    private boolean closed;
    private String error;

    ExpressionParser(String text, int dollarIndex, TemplateScope scope) {
        this.text = text;
        this.start = dollarIndex;
        this.scope = scope;
        this.index = dollarIndex + 2;
    }

    /** @return the segment, or null when the expression is broken (see {@link #error()}) */
    Segment parse() {
        skipSpaces();
        String name = identifier();
        if (name == null) {
            return fail(peek() == '}' ? "empty expression '${}'" : "expected a variable or function name after '${'");
        }
        String column = null;
        if (peek() == '.') {
            index++;
            column = identifier();
            if (column == null) {
                return fail("expected a column name after '" + name + ".'", "write ${" + name + ".COLUMN}");
            }
        }
        skipSpaces();
        List<String> arguments = null;
        if (column == null && peek() == '(') {
            index++;
            arguments = arguments();
            if (arguments == null) {
                return null;
            }
            skipSpaces();
        }
        if (peek() != '}') {
            return fail(index >= text.length() ? "'${' is not closed: expected '}'"
                    : "expected '}' after '" + text.substring(start + 2, index).strip() + "'");
        }
        index++;
        closed = true;
        if (column != null) {
            // ${setup.NAME} is a value spec.setup extracted (a slot of that name); any other ${a.b} a data column.
            return name.equals(SETUP) ? variable(name + "." + column) : dataColumn(name, column);
        }
        return arguments == null ? variable(name) : call(name, arguments);
    }

    int end() {
        return index;
    }

    String error() {
        return error;
    }

    private Segment dataColumn(String source, String column) {
        try {
            return scope.resolveData(source, column);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
    }

    private Segment variable(String name) {
        Segment segment = scope.resolve(name);
        if (segment == null && scope.isDataSource(name)) {
            return fail("'" + name + "' is a data source", "write ${" + name + ".COLUMN}");
        }
        if (segment == null) {
            if (Functions.isFunction(name, scope)) {
                return fail("'" + name + "' is a function", "write ${" + name + "(...)}");
            }
            return fail("unknown variable '" + name + "'", "known variables: " + String.join(", ", scope.knownNames()));
        }
        String refusal = scope.refusal(name);
        return refusal == null ? segment : fail(refusal);
    }

    private Segment call(String name, List<String> arguments) {
        try {
            return Functions.call(name, arguments, scope);
        } catch (Functions.BadCallException e) {
            return fail(e.problem(), e.hint());
        }
    }

    /** Arguments after '(' up to and including ')'; null (with the error set) when broken. */
    private List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            index++;
            return arguments;
        }
        while (true) {
            skipSpaces();
            String argument = peek() == '"' ? quoted() : bare();
            if (argument == null) {
                return null;
            }
            arguments.add(argument);
            skipSpaces();
            char next = peek();
            index++;
            if (next == ')') {
                return arguments;
            }
            if (next != ',') {
                fail(index > text.length() ? "'${' is not closed: expected ')' and '}'"
                        : "expected ',' or ')' between arguments, got '" + next + "'");
                return null;
            }
        }
    }

    private String quoted() {
        StringBuilder value = new StringBuilder();
        index++;
        while (index < text.length()) {
            char c = text.charAt(index++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && index < text.length()) {
                c = text.charAt(index++);
            }
            value.append(c);
        }
        fail("a quoted argument is not closed: expected '\"'");
        return null;
    }

    private String bare() {
        int from = index;
        while (index < text.length() && ",)}\"(".indexOf(text.charAt(index)) < 0) {
            index++;
        }
        String value = text.substring(from, index).strip();
        if (value.isEmpty()) {
            fail("expected an argument (bare or \"quoted\")");
            return null;
        }
        return value;
    }

    /** A name: a letter or '_', then letters, digits or '_'. */
    private String identifier() {
        int from = index;
        if (index < text.length() && (Character.isLetter(text.charAt(index)) || text.charAt(index) == '_')) {
            index++;
            while (index < text.length()
                    && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '_')) {
                index++;
            }
        }
        return index == from ? null : text.substring(from, index);
    }

    private char peek() {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private void skipSpaces() {
        while (index < text.length() && text.charAt(index) == ' ') {
            index++;
        }
    }

    private Segment fail(String problem) {
        return fail(problem, "");
    }

    /**
     * Records the error as {@code problem at position N; hint} (the position of the expression's '$') and, unless
     * the expression was closed already, skips past the rest of it.
     */
    private Segment fail(String problem, String hint) {
        error = problem + " at position " + (start + 1) + (hint.isEmpty() ? "" : "; " + hint);
        if (!closed) {
            int close = text.indexOf('}', index);
            index = close < 0 ? text.length() : close + 1;
        }
        return null;
    }
}
