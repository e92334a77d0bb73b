package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.TemplateContext;

/** Reads a column of the user's current row of a data source; renders nothing when the user holds no row. */
record DataRead(int source, int column) implements Segment {

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
        String value = context.data(source, column);
        if (value != null) {
            out.append(value);
        }
    }
}
