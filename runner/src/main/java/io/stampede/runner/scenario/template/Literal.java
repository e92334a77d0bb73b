package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.TemplateContext;

/** Text rendered as is. */
record Literal(String text) implements Segment {

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
        out.append(text);
    }
}
