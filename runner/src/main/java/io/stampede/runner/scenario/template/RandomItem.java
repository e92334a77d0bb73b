package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.TemplateContext;

import java.util.List;

/** {@code randomItem(a, b, c)}: one of the items, uniformly at random. */
final class RandomItem implements Segment {

    private final String[] items;

    RandomItem(List<String> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no items");
        }
        this.items = items.toArray(String[]::new);
    }

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
        out.append(items.length == 1 ? items[0] : items[context.random().nextInt(items.length)]);
    }
}
