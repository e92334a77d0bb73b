package io.stampede.runner.scenario.template;

import io.stampede.runner.scenario.TemplateContext;

/** Reads a value the user extracted earlier; renders nothing while the slot is still empty. */
record SlotRead(int slot) implements Segment {

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
        String value = context.slot(slot);
        if (value != null) {
            out.append(value);
        }
    }
}
