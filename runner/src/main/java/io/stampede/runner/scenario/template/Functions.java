package io.stampede.runner.scenario.template;

import io.stampede.plugin.TemplateFunction;
import io.stampede.runner.plugin.PluginCallException;

import java.util.List;
import java.util.Set;

/**
 * The template functions: randomInt(min, max), randomUuid(), randomItem(a, b, ...), and those of the plugins
 * (which may not take a built-in's name: {@code PluginLoader} refuses them).
 */
final class Functions {

    static final String LIST = "randomInt(min, max), randomUuid(), randomItem(a, b, ...)";
    /** The built-in functions' names. */
    static final Set<String> BUILT_IN = Set.of("randomInt", "randomUuid", "randomItem");

    private Functions() {
    }

    static boolean isFunction(String name, TemplateScope scope) {
        return BUILT_IN.contains(name) || scope.plugins().function(name) != null;
    }

    /** A call that cannot be compiled: what is wrong, and optionally what was expected. */
    static final class BadCallException extends IllegalArgumentException {
        private final String problem;
        private final String hint;

        BadCallException(String problem, String hint) {
            super(problem + (hint.isEmpty() ? "" : "; " + hint));
            this.problem = problem;
            this.hint = hint;
        }

        BadCallException(String problem) {
            this(problem, "");
        }

        String problem() {
            return problem;
        }

        String hint() {
            return hint;
        }
    }

    /** @throws BadCallException when the function is unknown or its arguments are wrong */
    static Segment call(String name, List<String> arguments, TemplateScope scope) {
        return switch (name) {
            case "randomInt" -> randomInt(arguments);
            case "randomUuid" -> {
                if (!arguments.isEmpty()) {
                    throw new BadCallException("randomUuid() takes no arguments, got " + arguments.size());
                }
                yield RandomUuid.INSTANCE;
            }
            case "randomItem" -> {
                if (arguments.isEmpty()) {
                    throw new BadCallException("randomItem(a, b, ...) needs at least one item");
                }
                yield new RandomItem(arguments);
            }
            default -> plugin(name, arguments, scope);
        };
    }

    private static Segment plugin(String name, List<String> arguments, TemplateScope scope) {
        TemplateFunction function = scope.plugins().function(name);
        if (function == null) {
            throw scope.resolve(name) != null
                    ? new BadCallException("'" + name + "' is a variable, not a function", "write ${" + name + "}")
                    : new BadCallException("unknown function '" + name + "'", "functions: " + LIST
                    + "; plugin functions: " + scope.plugins().functionNames());
        }
        try {
            return new PluginCall(name, function.bind(List.copyOf(arguments)));
        } catch (RuntimeException e) {
            // A plugin's refusal of its arguments (IllegalArgumentException, as the API asks) or any other throw.
            throw new BadCallException(PluginCallException.cause(name, e));
        }
    }

    private static Segment randomInt(List<String> arguments) {
        if (arguments.size() != 2) {
            throw new BadCallException("randomInt(min, max) takes 2 arguments, got " + arguments.size());
        }
        long min = wholeNumber(arguments.get(0));
        long max = wholeNumber(arguments.get(1));
        if (min > max) {
            throw new BadCallException("randomInt(min, max): min " + min + " is greater than max " + max);
        }
        return new RandomInt(min, max);
    }

    private static long wholeNumber(String argument) {
        try {
            long value = Long.parseLong(argument);
            if (value == Long.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadCallException("randomInt(min, max) takes whole numbers, got '" + argument + "'");
        }
    }
}
