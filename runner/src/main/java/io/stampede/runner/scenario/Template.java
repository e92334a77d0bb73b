package io.stampede.runner.scenario;

/**
 * A compiled {@code ${...}} template: literal text with variable reads and function calls.
 *
 * <p>Compiled once when the file is loaded (unknown names are load-time errors); rendered on the hot path by
 * the virtual user's event loop. Implementations are immutable and thread safe; rendering allocates nothing
 * beyond what it appends.
 */
public interface Template {

    /** Appends the rendered text. Called on the user's event loop thread. */
    void appendTo(StringBuilder out, TemplateContext context);

    /** True when the text has no expressions, so it can be rendered (and encoded) once. */
    boolean isConstant();

    /** The text as written in the file, for stats row names and messages (never rendered secrets). */
    String source();

    /** Convenience for tests and cold paths. */
    default String render(TemplateContext context) {
        StringBuilder out = new StringBuilder();
        appendTo(out, context);
        return out.toString();
    }
}
