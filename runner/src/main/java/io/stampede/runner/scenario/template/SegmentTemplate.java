package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.Template;
import io.stampede.runner.scenario.TemplateContext;

/** A template that depends on the user: literal text interleaved with variable reads and function calls. */
final class SegmentTemplate implements Template {

    private final String source;
    private final Segment[] segments;

    SegmentTemplate(String source, Segment[] segments) {
        this.source = source;
        this.segments = segments.clone();
    }

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
        for (Segment segment : segments) {
            segment.appendTo(out, context);
        }
    }

    @Override
    public boolean isConstant() {
        return false;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
