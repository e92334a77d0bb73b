package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.TemplateContext;

/** {@code randomInt(min, max)}: a uniformly random whole number in [min, max], both inclusive. */
record RandomInt(long min, long max) implements Segment {

    RandomInt {
        if (min > max || max == Long.MAX_VALUE) {
            throw new IllegalArgumentException("bad range " + min + ".." + max);
        }
    }

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
        out.append(min == max ? min : context.random().nextLong(min, max + 1));
    }

    @Override
    public boolean isNumeric() {
        return true;
    }
}
