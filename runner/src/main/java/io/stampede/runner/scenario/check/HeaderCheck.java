package io.stampede.runner.scenario.check;

import io.stampede.runner.scenario.ResponseCheck;
import io.stampede.runner.scenario.ResponseView;

import java.util.regex.Pattern;

/**
 * {@code expect.headers: {Content-Type: "application/json*"}}: a response header equals a value, or matches a glob
 * where {@code *} is any run of characters and {@code ?} one character. The name ignores case, the value does not.
 * Causes: {@code header Content-Type: expected "application/json*"}, with {@code , missing} when the response has
 * no such header. Pure and thread safe.
 *
 * @param name     the header's name as written
 * @param expected the value or glob as written
 * @param glob     the glob as a regular expression, or null when the value has no wildcard (then it must be equal)
 */
public record HeaderCheck(String name, String expected, Pattern glob) implements ResponseCheck {

    public static HeaderCheck of(String name, String expected) {
        return new HeaderCheck(name, expected, globOf(expected));
    }

    private static Pattern globOf(String expected) {
        if (expected.indexOf('*') < 0 && expected.indexOf('?') < 0) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : expected.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String failure(ResponseView response) {
        String value = response.header(name);
        if (value != null && matches(value)) {
            return null;
        }
        String cause = "header " + name + ": expected \"" + expected + "\"";
        return value == null ? cause + ", missing" : cause;
    }

    private boolean matches(String value) {
        return glob == null ? value.equals(expected) : glob.matcher(value).matches();
    }

    @Override
    public boolean readsBody() {
        return false;
    }
}
