package io.stampede.plugin;

import java.util.List;

/**
 * A template function: {@code ${name(a, "b c")}} beside the built-in {@code randomInt}, {@code randomUuid} and
 * {@code randomItem}. Arguments are literal text, as written (bare or double-quoted).
 *
 * <pre>{@code
 * public final class Shout implements TemplateFunction {
 *     public String name() { return "shout"; }
 *     public Call bind(List<String> arguments) {
 *         if (arguments.size() != 1) throw new IllegalArgumentException("shout(text) takes 1 argument");
 *         String loud = arguments.get(0).toUpperCase(java.util.Locale.ROOT);
 *         return (out, user) -> out.append(loud);
 *     }
 * }
 * }</pre>
 */
public interface TemplateFunction extends Extension {

    /**
     * Load time, once per {@code ${name(...)}} in the file: checks the arguments and returns what renders them.
     *
     * @param arguments the arguments as written, unmodifiable, possibly empty
     * @throws IllegalArgumentException when the arguments are wrong: its message is reported at the template's
     *                                  field path and position, and the runner exits 2
     */
    Call bind(List<String> arguments);

    /** One bound use of the function. */
    @FunctionalInterface
    interface Call {

        /**
         * Appends the value for this user. Runs on the user's event loop, concurrently on every loop: thread safe,
         * never blocking; allocate as little as possible. An exception fails the request being rendered with the
         * cause {@code plugin NAME: <message>}.
         */
        void appendTo(StringBuilder out, UserContext user);
    }
}
