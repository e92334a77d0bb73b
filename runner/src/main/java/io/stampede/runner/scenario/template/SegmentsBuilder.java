package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.Template;

import java.util.ArrayList;
import java.util.List;

/** Accumulates segments, merging adjacent literal text, and builds the cheapest template for them. */
final class SegmentsBuilder {

    private final List<Segment> segments = new ArrayList<>();
    private final StringBuilder pendingLiteral = new StringBuilder();

    SegmentsBuilder literal(CharSequence text) {
        pendingLiteral.append(text);
        return this;
    }

    SegmentsBuilder literal(char c) {
        pendingLiteral.append(c);
        return this;
    }

    SegmentsBuilder segment(Segment segment) {
        if (segment instanceof Literal literal) {
            return literal(literal.text());
        }
        flushLiteral();
        segments.add(segment);
        return this;
    }

    List<Segment> segments() {
        flushLiteral();
        return List.copyOf(segments);
    }

    /** A constant template when nothing depends on the user, else one that renders each segment in turn. */
    Template build(String source) {
        List<Segment> all = segments();
        if (all.isEmpty()) {
            return new ConstantTemplate(source, "");
        }
        if (all.size() == 1 && all.get(0) instanceof Literal literal) {
            return new ConstantTemplate(source, literal.text());
        }
        return new SegmentTemplate(source, all.toArray(Segment[]::new));
    }

    private void flushLiteral() {
        if (pendingLiteral.length() > 0) {
            segments.add(new Literal(pendingLiteral.toString()));
            pendingLiteral.setLength(0);
        }
    }
}
