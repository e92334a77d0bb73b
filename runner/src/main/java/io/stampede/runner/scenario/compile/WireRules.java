package io.stampede.runner.scenario.compile;

import io.stampede.runner.model.WireText;
import io.stampede.runner.scenario.template.TemplateScope.ConstantRule;

import java.util.Map;
import java.util.function.Function;

/**
 * The rules for spec variables inlined into a header value or a request path: a value that would end the header
 * or the request line (a Secret with a trailing newline, a CRLF in a password) is refused when the file is loaded,
 * naming the variable and, for {@code fromEnv}, the environment variable; never the value. Pure.
 */
final class WireRules {

    private WireRules() {
    }

    /** @param fromEnv the environment variable each {@code fromEnv} spec variable was read from, by variable name */
    static ConstantRule headerValue(Map<String, String> fromEnv) {
        return rule(fromEnv, WireText::headerValueProblem, "a header value");
    }

    /** @param fromEnv as for {@link #headerValue} */
    static ConstantRule requestTarget(Map<String, String> fromEnv) {
        return rule(fromEnv, WireText::requestTargetProblem, "a path (encode a space as %20)");
    }

    private static ConstantRule rule(Map<String, String> fromEnv, Function<String, String> check, String where) {
        return (name, value) -> {
            String problem = check.apply(value);
            if (problem == null) {
                return null;
            }
            String env = fromEnv.get(name);
            String origin = env == null ? "" : " (from the environment variable " + env + ")";
            String hint = env != null && WireText.endsWithNewline(value)
                    ? "; it ends with a line break: was it written with a trailing newline (echo without -n, "
                    + "a Secret made from a file)?" : "";
            return "the variable '" + name + "'" + origin + " holds " + problem + ", which " + where
                    + " cannot hold" + hint;
        };
    }
}
