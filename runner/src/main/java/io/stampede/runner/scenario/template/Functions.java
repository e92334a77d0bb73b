package io.stampede.runner.scenario.template;

import java.util.List;

/** The template functions: randomInt(min, max), randomUuid(), randomItem(a, b, ...). */
final class Functions {

    static final String LIST = "randomInt(min, max), randomUuid(), randomItem(a, b, ...)";

    private Functions() {
    }

    static boolean isFunction(String name) {
        return name.equals("randomInt") || name.equals("randomUuid") || name.equals("randomItem");
    }

    /**
     * @throws IllegalArgumentException naming what was expected, when the function is unknown or its
     *                                  arguments are wrong
     */
    static Segment call(String name, List<String> arguments, TemplateScope scope) {
        return switch (name) {
            case "randomInt" -> randomInt(arguments);
            case "randomUuid" -> {
                if (!arguments.isEmpty()) {
                    throw new IllegalArgumentException("randomUuid() takes no arguments, got " + arguments.size());
                }
                yield RandomUuid.INSTANCE;
            }
            case "randomItem" -> {
                if (arguments.isEmpty()) {
                    throw new IllegalArgumentException("randomItem(a, b, ...) needs at least one item");
                }
                yield new RandomItem(arguments);
            }
            default -> throw new IllegalArgumentException(scope.resolve(name) != null
                    ? "'" + name + "' is a variable, not a function: write ${" + name + "}"
                    : "unknown function '" + name + "'; functions: " + LIST);
        };
    }

    private static Segment randomInt(List<String> arguments) {
        if (arguments.size() != 2) {
            throw new IllegalArgumentException("randomInt(min, max) takes 2 arguments, got " + arguments.size());
        }
        long min = wholeNumber(arguments.get(0));
        long max = wholeNumber(arguments.get(1));
        if (min > max) {
            throw new IllegalArgumentException("randomInt(min, max): min " + min + " is greater than max " + max);
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
            throw new IllegalArgumentException("randomInt(min, max) takes whole numbers, got '" + argument + "'");
        }
    }
}
