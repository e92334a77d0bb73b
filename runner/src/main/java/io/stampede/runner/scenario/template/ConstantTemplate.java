package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.Template;
import io.stampede.runner.scenario.TemplateContext;

/** A template without expressions left: the same text for every user (spec variables are already inlined). */
record ConstantTemplate(String source, String text) implements Template {

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
        out.append(text);
    }

    @Override
    public boolean isConstant() {
        return true;
    }
}
