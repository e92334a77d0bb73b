package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.TemplateContext;

/**
 * One piece of a compiled template: literal text, a variable read or a function call.
 * Immutable and thread safe; {@link #appendTo} allocates nothing beyond what it appends.
 */
interface Segment {

    void appendTo(StringBuilder out, TemplateContext context);

    /** True when the segment always renders a JSON number (so a JSON body can send it unquoted). */
    default boolean isNumeric() {
        return false;
    }
}
